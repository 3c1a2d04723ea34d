import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { AppError, ErrorCode } from '../../../common/errors/index.js';
import type { AllConfig } from '../../../config/configuration.js';
import { Metrics } from '../../../metrics/metrics.service.js';
import { inSpan } from '../../../tracing/tracer.js';
import type { BatchPart } from '../../batches/batch-part.js';
import { BatchesService } from '../../batches/batches.service.js';
import type { BatchAcceptedDto } from '../../dto/batch.response.dto.js';
import { ReceiptsService } from '../../receipts.service.js';
import { FileStorage } from '../../storage/file-storage.js';
import { IdempotentUploads } from './idempotent-uploads.js';
import { receiveMultipartBatch, type ReceivedMultipart } from './multipart-receiver.js';

/**
 * What an Idempotency-Key of a batch stands for: the bytes of every part, in order (a refused
 * part by its refusal, since an oversized one was never read whole). Prefixed so a key used for
 * a single upload never matches a batch.
 */
function fingerprint(parts: BatchPart[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.upload?.sha256 ?? part.error?.code}\n`);
  return `batch:${hash.digest('hex')}`;
}

function toParts({ parts, note, tags }: ReceivedMultipart): BatchPart[] {
  return parts.map(({ index, filename, file, error }) => ({
    index,
    filename,
    error,
    upload: file && { ...file, filename, note, tags },
  }));
}

/**
 * The HTTP half of a batch upload, the same steps as ReceiptUploadHandler for several files:
 * refuse early when the queue is down, stream every part into staging (counting them, so one
 * part too many refuses the batch before anything is queued), then hand the parts to the
 * service, under the Idempotency-Key when there is one.
 */
@Injectable()
export class BatchUploadHandler {
  constructor(
    private readonly batches: BatchesService,
    private readonly receipts: ReceiptsService,
    private readonly storage: FileStorage,
    private readonly config: ConfigService<AllConfig, true>,
    private readonly idempotency: IdempotentUploads,
    private readonly metrics: Metrics,
  ) {}

  async handle(
    ownerId: string,
    req: Request,
    res: Response,
    requestId?: string,
  ): Promise<{ body: BatchAcceptedDto; replayed: boolean }> {
    const result = await inSpan('receipt.batch-upload', () =>
      this.receive(ownerId, req, res, requestId),
    );
    // Each file is counted like a single upload; a replay created nothing.
    if (!result.replayed) {
      for (const entry of result.body.receipts) {
        this.metrics.uploads.inc(
          entry.error
            ? { outcome: 'refused', code: entry.error.code }
            : { outcome: entry.duplicateOf ? 'duplicate' : 'accepted', code: 'none' },
        );
      }
    }
    return result;
  }

  private async receive(
    ownerId: string,
    req: Request,
    res: Response,
    requestId?: string,
  ): Promise<{ body: BatchAcceptedDto; replayed: boolean }> {
    const key = IdempotentUploads.parseKey(req.headers['idempotency-key']);
    this.receipts.assertAcceptingUploads();
    const { maxUploadBytes, batchMaxFiles } = this.config.getOrThrow('storage', { infer: true });
    const parts = toParts(
      await receiveMultipartBatch(req, res, this.storage, {
        maxBytes: maxUploadBytes,
        maxFiles: batchMaxFiles,
        tooManyFiles: () =>
          new AppError(
            ErrorCode.BATCH_TOO_MANY_FILES,
            `A batch holds at most ${batchMaxFiles} files; nothing was kept`,
            { details: { maxFiles: batchMaxFiles } },
          ),
        noFile: () =>
          new AppError(ErrorCode.BATCH_EMPTY, 'The batch has no `file` part', {
            details: { maxFiles: batchMaxFiles },
          }),
      }),
    );
    try {
      if (key === undefined) {
        return { body: await this.batches.accept(ownerId, parts, requestId), replayed: false };
      }
      const { outcome, replayed } = await this.idempotency.run(
        ownerId,
        key,
        fingerprint(parts),
        () => this.batches.accept(ownerId, parts, requestId),
      );
      return { body: outcome, replayed };
    } finally {
      // A replay, a refusal or a failure part-way left staged files unused.
      const staged = parts.flatMap((p) => (p.upload ? [p.upload.tempPath] : []));
      await Promise.all(
        staged.map((path) => this.storage.discardTemp(path).catch(() => undefined)),
      );
    }
  }
}
