import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'TokenPair', description: 'An access token and its refresh token' })
export class TokenResponseDto {
  @ApiProperty({ description: 'JWT for `Authorization: Bearer …`' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ description: 'Opaque, single-use; trade it at /v1/auth/refresh' })
  refreshToken: string;
}
