import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { API_KEY_SCOPES, type ApiKeyScope } from '../api-key-scopes.js';
import type { ApiKeyEntity } from '../api-key.entity.js';

@ApiSchema({ name: 'ApiKey', description: 'An API key (the key itself is shown only at creation)' })
export class ApiKeyResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Bookkeeping sync' })
  name: string;

  @ApiProperty({ example: 'rv_Xq3v9KpA', description: 'The first characters of the key' })
  prefix: string;

  @ApiProperty({ type: [String], enum: API_KEY_SCOPES, enumName: 'ApiKeyScope' })
  scopes: ApiKeyScope[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Last request made with the key (to within a minute)',
  })
  lastUsedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;

  static from(key: ApiKeyEntity): ApiKeyResponseDto {
    return {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      scopes: key.scopes,
      createdAt: key.createdAt.toISOString(),
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      expiresAt: key.expiresAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
    };
  }
}
