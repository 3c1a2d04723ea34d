import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ApiKeyResponseDto } from './api-key.response.dto.js';

@ApiSchema({ name: 'ApiKeyCreated', description: 'A new API key with the key itself' })
export class CreatedApiKeyResponseDto extends ApiKeyResponseDto {
  @ApiProperty({
    example: 'rv_Xq3v9KpAbLw0c2H7mZr1sT8uYe4dNf6gJk5hQx9iVo0',
    description:
      'The key. Shown only now (only its hash is stored): send it as `X-API-Key` or `Authorization: Bearer`.',
  })
  key: string;
}
