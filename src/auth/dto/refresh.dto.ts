import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

@ApiSchema({ name: 'RefreshRequest', description: 'A refresh token to trade for a new pair' })
export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh' })
  @IsString()
  @MinLength(1)
  // Generous: anything that is not one of our tokens is answered 401, not 422.
  @MaxLength(4096)
  refreshToken: string;
}
