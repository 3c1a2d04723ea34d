import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { WebhookResponseDto } from './webhook.response.dto.js';

@ApiSchema({ name: 'WebhookCreated', description: 'A new webhook with its signing secret' })
export class CreatedWebhookResponseDto extends WebhookResponseDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw…',
    description: 'The signing secret. Shown only now: store it to verify `webhook-signature`.',
  })
  secret: string;
}
