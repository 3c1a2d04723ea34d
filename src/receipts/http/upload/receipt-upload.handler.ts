import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { AppError, ErrorCode } from '../../../common/errors/index.js';
import type { AllConfig } from '../../../config/configuration.js';
import { Metrics } from '../../../metrics/metrics.service.js';
import { inSpan } from '../../../tracing/tracer.js';
import { ReceiptsService, type UploadOutcome } from '../../receipts.service.js';
import { FileStorage } from '../../storage/file-storage.js';
import { IdempotentUploads } from './idempotent-uploads.js';
import { receiveMultipartUpload } from './multipart-receiver.js';

/**
 * The HTTP half of an upload: refuse early when the queue is down (before reading a byte),
 * stream the multipart body into staging, then hand the staged file to the service, which
 * knows nothing of requests and runs the same way from a CLI or a batch.
 */
@Injectable()
export class ReceiptUploadHandler {
  constructor(
    private readonly receipts: ReceiptsService,
    private readonly storage: FileStorage,
    private readonly config: ConfigService<AllConfig, true>,
    private readonly idempotency: IdempotentUploads,
    private readonly metrics: Metrics,
  ) {}

  /** An upload, counted by outcome and, when refused, by its error code. */
  async handle(
    ownerId: string,
    req: Request,
    res: Response,
    requestId?: string,
  ): Promise<UploadOutcome & { replayed: boolean }> {
    try {
      const outcome = await inSpan('receipt.upload', () =>
        this.receive(ownerId, req, res, requestId),
      );
      const accepted = outcome.duplicate ? 'duplicate' : 'accepted';
      this.metrics.uploads.inc({ outcome: accepted, code: 'none' });
      return outcome;
    } catch (error) {
      const code = error instanceof AppError ? error.code : ErrorCode.INTERNAL_ERROR;
      this.metrics.uploads.inc({ outcome: 'refused', code });
      throw error;
    }
  }

  private async receive(
    ownerId: string,
    req: Request,
    res: Response,
    requestId?: string,
  ): Promise<UploadOutcome & { replayed: boolean }> {
    const key = IdempotentUploads.parseKey(req.headers['idempotency-key']);
    this.receipts.assertAcceptingUploads();
    const { maxUploadBytes } = this.config.getOrThrow('storage', { infer: true });
    const staged = await receiveMultipartUpload(req, res, this.storage, maxUploadBytes);
    if (key === undefined) {
      return { ...(await this.receipts.accept(ownerId, staged, requestId)), replayed: false };
    }
    try {
      // The bytes are read (and hashed) first: a retry must prove it carries the same file.
      const { outcome, replayed } = await this.idempotency.run(ownerId, key, staged.sha256, () =>
        this.receipts.accept(ownerId, staged, requestId),
      );
      return { ...outcome, replayed };
    } finally {
      // A replay or a refusal never used the staged file (accept() consumes it otherwise).
      await this.storage.discardTemp(staged.tempPath).catch(() => undefined);
    }
  }
}
