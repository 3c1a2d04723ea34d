import { Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { OcrConfig } from './ocr.config.js';
import { ReceiptExtractor } from './receipt-extractor.js';

/**
 * Text extraction for the worker process only: it owns tesseract.js workers, which the API
 * process must never start.
 */
@Module({
  providers: [
    {
      provide: ReceiptExtractor,
      inject: [ConfigService],
      useFactory: (config: ConfigService<{ ocr: OcrConfig }, true>) =>
        new ReceiptExtractor(config.getOrThrow('ocr', { infer: true })),
    },
  ],
  exports: [ReceiptExtractor],
})
export class OcrModule implements OnModuleDestroy {
  constructor(@Inject(ReceiptExtractor) private readonly extractor: ReceiptExtractor) {}

  async onModuleDestroy(): Promise<void> {
    await this.extractor.close();
  }
}
