import { Module } from '@nestjs/common';
import { CoreModule } from './core.module.js';
import { WorkerHeartbeat } from './health/worker-heartbeat.js';
import { MetricsServer } from './metrics/metrics-server.js';
import { ReceiptsWorkerModule } from './receipts/receipts-worker.module.js';
import { WebhooksWorkerModule } from './webhooks/webhooks-worker.module.js';

/** The worker's composition root: queue processors, no HTTP server. */
@Module({
  imports: [CoreModule, ReceiptsWorkerModule, WebhooksWorkerModule],
  providers: [WorkerHeartbeat, MetricsServer],
})
export class WorkerModule {}
