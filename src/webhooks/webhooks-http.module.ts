import { Module } from '@nestjs/common';
import { WebhooksController } from './http/webhooks.controller.js';
import { WebhooksModule } from './webhooks.module.js';
import { WebhooksService } from './webhooks.service.js';

/** The webhooks API; imported by the HTTP root only. */
@Module({
  imports: [WebhooksModule],
  controllers: [WebhooksController],
  providers: [WebhooksService],
})
export class WebhooksHttpModule {}
