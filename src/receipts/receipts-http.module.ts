import { AuthModule } from '../auth/auth.module.js';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { EventsAuthGuard } from './http/events-auth.guard.js';
import { EventsTokenService } from './http/events-token.service.js';
import { ReceiptEventStream } from './http/receipt-event-stream.js';
import { ReceiptsController } from './http/receipts.controller.js';
import { TagsController } from './http/tags.controller.js';
import { TrashController } from './http/trash.controller.js';
import { ExportsController } from './http/exports.controller.js';
import { ReceiptExportService } from './exports/receipt-export.service.js';
import { ReceiptZipExport } from './exports/receipt-zip-export.js';
import { ReceiptStatsController } from './http/receipt-stats.controller.js';
import { ReceiptSearchService } from './search/receipt-search.service.js';
import { TagsService } from './tags/tags.service.js';
import { ReceiptCorrectionsController } from './http/receipt-corrections.controller.js';
import { ReceiptCorrectionsService } from './corrections/receipt-corrections.service.js';
import { ReceiptsModule } from './receipts.module.js';
import { ReceiptsService } from './receipts.service.js';
import { ReceiptUploadHandler } from './http/upload/receipt-upload.handler.js';
import { IdempotentUploads } from './http/upload/idempotent-uploads.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BatchEntity } from './batches/batch.entity.js';
import { BatchesRepository } from './batches/batches.repository.js';
import { BatchesService } from './batches/batches.service.js';
import { BatchesController } from './http/batches.controller.js';
import { BatchEventStream } from './http/batch-event-stream.js';
import { BatchEventsAuthGuard } from './http/batch-events-auth.guard.js';
import { BatchUploadHandler } from './http/upload/batch-upload.handler.js';
import { ReceiptEntity } from './receipt.entity.js';

/** The receipts API (controllers); imported by the HTTP root only. */
@Module({
  imports: [
    ReceiptsModule,
    AuthModule,
    WebhooksModule,
    JwtModule.register({}),
    TypeOrmModule.forFeature([BatchEntity, ReceiptEntity]),
  ],
  // Routes with a fixed segment (`stats`, `batch`) must be registered before `:id`: listed first.
  controllers: [
    BatchesController,
    ReceiptStatsController,
    ReceiptCorrectionsController,
    ReceiptsController,
    TagsController,
    TrashController,
    ExportsController,
  ],
  providers: [
    ReceiptsService,
    ReceiptUploadHandler,
    IdempotentUploads,
    ReceiptCorrectionsService,
    TagsService,
    ReceiptSearchService,
    ReceiptExportService,
    ReceiptZipExport,
    ReceiptEventStream,
    EventsTokenService,
    EventsAuthGuard,
    BatchesRepository,
    BatchesService,
    BatchUploadHandler,
    BatchEventStream,
    BatchEventsAuthGuard,
  ],
})
export class ReceiptsHttpModule {}
