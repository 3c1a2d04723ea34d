import { Module } from '@nestjs/common';
import { OcrModule } from '../ocr/ocr.module.js';
import { ProcessReceiptProcessor } from './jobs/process-receipt.processor.js';
import { ReceiptProcessingService } from './jobs/receipt-processing.service.js';
import { ReceiptFailures } from './jobs/receipt-failures.js';
import { ReceiptReconciler } from './jobs/receipt-reconciler.js';
import { ReceiptReextraction } from './jobs/receipt-reextraction.service.js';
import { ReextractReceiptProcessor } from './jobs/reextract-receipt.processor.js';
import { ReceiptsQueueConsumer } from './jobs/receipts-queue.consumer.js';
import { ReceiptsModule } from './receipts.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { TrashPurger } from './trash/trash-purger.js';

/** The receipts queue consumer and its reconciler; imported by the worker root only. */
@Module({
  imports: [ReceiptsModule, OcrModule, WebhooksModule],
  providers: [
    ReceiptProcessingService,
    ProcessReceiptProcessor,
    ReceiptReconciler,
    ReceiptReextraction,
    ReextractReceiptProcessor,
    ReceiptsQueueConsumer,
    ReceiptFailures,
    TrashPurger,
  ],
})
export class ReceiptsWorkerModule {}
