import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({
  name: 'AccessToken',
  description: 'An access token; the refresh token of this browser session is in its cookie',
})
export class AccessTokenResponseDto {
  @ApiProperty({ description: 'JWT for `Authorization: Bearer …`' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn: number;
}
