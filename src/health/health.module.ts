import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ReceiptsQueueModule } from '../receipts/jobs/receipts-queue.module.js';
import { HealthController } from './health.controller.js';
import { ReadinessService } from './readiness.service.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), ReceiptsQueueModule],
  controllers: [HealthController],
  providers: [ReadinessService],
})
export class HealthModule {}
