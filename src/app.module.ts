import { Module } from '@nestjs/common';
import { AccountModule } from './account/account.module.js';
import { AdminModule } from './admin/admin.module.js';
import { ApiKeysHttpModule } from './api-keys/api-keys-http.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CoreModule } from './core.module.js';
import { HealthModule } from './health/health.module.js';
import { MetricsHttpModule } from './metrics/metrics-http.module.js';
import { ReceiptsHttpModule } from './receipts/receipts-http.module.js';
import { WebhooksHttpModule } from './webhooks/webhooks-http.module.js';

/** The HTTP API's composition root. It never registers queue processors. */
@Module({
  imports: [
    CoreModule,
    HealthModule,
    MetricsHttpModule,
    AuthModule,
    AdminModule,
    ReceiptsHttpModule,
    WebhooksHttpModule,
    ApiKeysHttpModule,
    AccountModule,
  ],
})
export class AppModule {}
