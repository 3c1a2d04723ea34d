import { Module } from '@nestjs/common';
import { QueuesModule } from '../queues/queues.module.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsTokenGuard } from './metrics-token.guard.js';
import { QueueMetricsCollector } from './queue-metrics.collector.js';

/** The API's `/metrics` route and the series only the API reports (queue depth, workers). */
@Module({
  imports: [QueuesModule],
  controllers: [MetricsController],
  providers: [MetricsTokenGuard, QueueMetricsCollector],
})
export class MetricsHttpModule {}
