import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { RECEIPTS_QUEUE } from './receipt-jobs.js';

/** Registers the receipts queue; imported by the producer side, the worker and readiness. */
@Module({
  imports: [BullModule.registerQueue({ name: RECEIPTS_QUEUE })],
  exports: [BullModule],
})
export class ReceiptsQueueModule {}
