import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({
  name: 'Session',
  description:
    'One sign-in (a browser or an API client) and the refresh tokens that rotate from it',
})
export class SessionResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'When it signed in' })
  createdAt: string;

  @ApiProperty({
    description:
      'When its refresh token was last renewed: the latest sign of use (access tokens are not tracked)',
  })
  lastRenewedAt: string;

  @ApiProperty({ description: 'When it ends unless renewed' })
  expiresAt: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The User-Agent it signed in with (what the client sent: a hint, not proof)',
  })
  userAgent: string | null;

  @ApiProperty({ description: 'The session of the access token making this request' })
  current: boolean;
}
