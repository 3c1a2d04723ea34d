import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ReceiptsModule } from '../receipts/receipts.module.js';
import { HealthController } from './health.controller.js';
import { ReadinessService } from './readiness.service.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), ReceiptsModule],
  controllers: [HealthController],
  providers: [ReadinessService],
})
export class HealthModule {}
