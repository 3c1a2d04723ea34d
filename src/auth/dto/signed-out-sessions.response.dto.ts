import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'SignedOutSessions' })
export class SignedOutSessionsResponseDto {
  @ApiProperty({ description: 'How many other sessions were ended', example: 2 })
  signedOut: number;
}
