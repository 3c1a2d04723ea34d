import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AllConfig } from '../config/configuration.js';
import { ReceiptEvents } from './events/receipt-events.js';
import { ReceiptJobsProducer } from './jobs/receipt-jobs.producer.js';
import { ReceiptsQueueModule } from './jobs/receipts-queue.module.js';
import { ReceiptCache } from './receipt-cache.js';
import { ReceiptEntity } from './receipt.entity.js';
import { ReceiptsRepository } from './receipts.repository.js';
import { FileStorage } from './storage/file-storage.js';
import { LocalDiskStorage } from './storage/local-disk.storage.js';
import { S3Storage } from './storage/s3/s3.storage.js';
import { ReceiptHistoryRepository } from './history/receipt-history.repository.js';
import { TagsRepository } from './tags/tags.repository.js';
import { ReceiptChanges } from './changes/receipt-changes.js';
import { ReceiptSearchRepository } from './search/receipt-search.repository.js';
import { ReceiptStatsRepository } from './search/receipt-stats.repository.js';
import { TrashRepository } from './trash/trash.repository.js';
import { TrashService } from './trash/trash.service.js';

/** What the API and the worker share about receipts: rows, files, the queue, cache, events. */
@Module({
  imports: [TypeOrmModule.forFeature([ReceiptEntity]), ReceiptsQueueModule],
  providers: [
    ReceiptsRepository,
    TagsRepository,
    ReceiptHistoryRepository,
    ReceiptChanges,
    ReceiptSearchRepository,
    ReceiptStatsRepository,
    TrashRepository,
    TrashService,
    ReceiptJobsProducer,
    ReceiptCache,
    ReceiptEvents,
    {
      provide: FileStorage,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AllConfig, true>) => {
        const storage = config.getOrThrow('storage', { infer: true });
        // Uploads are staged under STORAGE_DIR with either driver.
        return storage.driver === 's3'
          ? new S3Storage({ ...storage.s3, stagingDir: storage.dir })
          : new LocalDiskStorage(storage.dir);
      },
    },
  ],
  exports: [
    ReceiptsRepository,
    TagsRepository,
    ReceiptHistoryRepository,
    ReceiptChanges,
    ReceiptSearchRepository,
    ReceiptStatsRepository,
    TrashRepository,
    TrashService,
    ReceiptJobsProducer,
    ReceiptCache,
    ReceiptEvents,
    FileStorage,
    ReceiptsQueueModule,
  ],
})
export class ReceiptsModule {}
