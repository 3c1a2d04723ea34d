import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../../common/errors/index.js';
import { Metrics } from '../../metrics/metrics.service.js';
import { inSpan } from '../../tracing/tracer.js';
import type { ExtractionProgress, ExtractionResult } from '../../ocr/ocr.types.js';
import { ReceiptExtractor } from '../../ocr/receipt-extractor.js';
import { ReceiptEvents } from '../events/receipt-events.js';
import { failureCodeOf, failureMessageOf } from './failure-code.js';
import { ReceiptFailures } from './receipt-failures.js';
import { ReceiptCache } from '../receipt-cache.js';
import type { ReceiptEntity, ReceiptTimings } from '../receipt.entity.js';
import { type ReceiptStage } from '../receipt-status.js';
import { finaliseRecord } from '../records/finalise-record.js';
import { ReceiptsRepository } from '../receipts.repository.js';
import { FileStorage } from '../storage/file-storage.js';
import { WebhookEmitter } from '../../webhooks/webhook-emitter.js';

export interface AttemptInfo {
  /** 1-based number of this attempt. */
  attempt: number;
  /** Whether Bull will try again if this attempt fails. */
  willRetry: boolean;
}

export type ProcessOutcome = 'completed' | 'needs_review' | 'failed' | 'retrying' | 'skipped';

// Progress events are rate-limited: OCR reports many times a second.
const PROGRESS_EVERY_MS = 250;

/**
 * One processing attempt of one receipt: claim it, run the stages (preparing → reading →
 * extracting → saving) with progress, and record how it ended. Used by the queue processor;
 * throws only to ask Bull for a retry.
 */
@Injectable()
export class ReceiptProcessingService {
  private readonly logger = new Logger(ReceiptProcessingService.name);

  constructor(
    private readonly receipts: ReceiptsRepository,
    private readonly storage: FileStorage,
    private readonly extractor: ReceiptExtractor,
    private readonly events: ReceiptEvents,
    private readonly cache: ReceiptCache,
    private readonly failures: ReceiptFailures,
    private readonly webhooks: WebhookEmitter,
    private readonly metrics: Metrics,
  ) {}

  async process(receiptId: string, attempt: AttemptInfo): Promise<ProcessOutcome> {
    const receipt = await this.receipts.markProcessing(receiptId, attempt.attempt);
    if (!receipt) {
      // Deleted, or finished by an earlier run of this job: nothing to do.
      this.logger.log(`receipt ${receiptId} is gone or finished; job skipped`);
      this.metrics.recordJob('skipped', null);
      return 'skipped';
    }
    await this.cache.invalidate(receiptId);
    const started = Date.now();
    const timings: ReceiptTimings = { queuedAt: receipt.timings.queuedAt };
    const tracker = new StageTracker(receipt, timings, this.receipts, this.events);

    try {
      await tracker.enter('preparing', 0);
      const result = await this.storage.withLocalCopy(receipt.storageKey, (path) =>
        this.extractor.extract(
          { path, mimeType: receipt.mimeType },
          { onProgress: (p) => tracker.onProgress(p) },
        ),
      );
      await tracker.enter('saving', 0.97);
      return await inSpan('receipt.stage.saving', () =>
        this.save(receipt, result, timings, started),
      );
    } catch (error) {
      return this.fail(receipt, error, attempt, timings);
    } finally {
      tracker.stop();
    }
  }

  private async save(
    receipt: ReceiptEntity,
    result: ExtractionResult,
    timings: ReceiptTimings,
    started: number,
  ): Promise<ProcessOutcome> {
    // The parser lists what needs a human look (missing total or date, sums that disagree);
    // the user's corrections are laid over the new record so reprocessing never loses them.
    const finalised = finaliseRecord(result.record, receipt);
    const status = finalised.status;
    const savingStarted = timings.savingAt ? Date.parse(timings.savingAt) : Date.now();
    const finished: ReceiptTimings = {
      ...timings,
      preparingMs: result.timings.preparingMs,
      readingMs: result.timings.readingMs,
      extractingMs: result.timings.extractingMs,
      finishedAt: new Date().toISOString(),
    };
    finished.savingMs = Date.now() - savingStarted;
    finished.totalMs = Date.now() - started;
    const saved = await this.receipts.markCompleted(receipt.id, {
      finalised,
      text: result.text,
      lines: result.lines,
      pages: result.pages,
      engine: result.engine,
      timings: finished,
    });
    await this.cache.invalidate(receipt.id);
    this.metrics.stageDuration.observe({ stage: 'saving' }, finished.savingMs / 1000);
    this.metrics.recordJob(saved ? status : 'skipped', null, result);
    if (!saved) return 'skipped';
    await this.events.publish(receipt.id, status, {
      receiptId: receipt.id,
      status,
      stage: null,
      progress: 100,
      error: null,
    });
    this.logger.log({ receiptId: receipt.id, status, ms: finished.totalMs }, 'receipt processed');
    await this.webhooks.receiptFinished({
      ...receipt,
      ...finalised,
      errorCode: null,
      errorMessage: null,
    });
    return status;
  }

  private async fail(
    receipt: ReceiptEntity,
    error: unknown,
    attempt: AttemptInfo,
    timings: ReceiptTimings,
  ): Promise<ProcessOutcome> {
    const code = failureCodeOf(error);
    const message = failureMessageOf(error);
    const permanent = error instanceof AppError && error.permanent;
    if (!permanent && attempt.willRetry) {
      this.logger.warn(
        { receiptId: receipt.id, code, err: error },
        `attempt ${attempt.attempt} failed; will retry`,
      );
      this.metrics.recordJob('retrying', code);
      await this.receipts.markRetrying(receipt.id, code, message);
      await this.cache.invalidate(receipt.id);
      await this.events.publish(receipt.id, 'queued', {
        receiptId: receipt.id,
        status: 'queued',
        attempt: attempt.attempt,
        error: { code, message },
      });
      // Rethrown so Bull schedules the retry with backoff.
      throw error;
    }
    this.logger.warn({ receiptId: receipt.id, code, err: error }, 'receipt failed');
    this.metrics.recordJob('failed', code);
    await this.failures.record(receipt.id, code, message, {
      ...timings,
      finishedAt: new Date().toISOString(),
    });
    return 'failed';
  }
}

/** Persists stage changes (with timestamps) and publishes stage and progress events. */
class StageTracker {
  private stage?: ReceiptStage;
  private lastProgressAt = 0;
  private lastPercent = -1;
  private stopped = false;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly receipt: ReceiptEntity,
    private readonly timings: ReceiptTimings,
    private readonly receipts: ReceiptsRepository,
    private readonly events: ReceiptEvents,
  ) {}

  /** Moves to a stage after every earlier stage change and progress event has gone out. */
  enter(stage: ReceiptStage, progress: number): Promise<void> {
    const next = this.pending.then(() => this.record(stage, progress));
    this.pending = next.catch(() => undefined);
    return next;
  }

  private async record(stage: ReceiptStage, progress: number): Promise<void> {
    if (this.stage === stage || this.stopped) return;
    this.stage = stage;
    this.timings[`${stage}At`] = new Date().toISOString();
    const percent = Math.round(progress * 100);
    this.lastPercent = percent;
    await this.receipts.markStage(this.receipt.id, stage, progress, { ...this.timings });
    await this.events.publish(this.receipt.id, 'stage', {
      receiptId: this.receipt.id,
      status: 'processing',
      stage,
      progress: percent,
      attempt: this.receipt.attempts,
    });
  }

  onProgress(p: ExtractionProgress): void {
    if (this.stopped) return;
    if (p.stage !== this.stage) {
      void this.enter(p.stage, p.progress).catch(() => undefined);
      return;
    }
    const percent = Math.min(96, Math.round(p.progress * 100));
    const now = Date.now();
    if (percent <= this.lastPercent || now - this.lastProgressAt < PROGRESS_EVERY_MS) return;
    this.lastProgressAt = now;
    this.lastPercent = percent;
    this.pending = this.pending
      .then(() =>
        this.events.publish(this.receipt.id, 'progress', {
          receiptId: this.receipt.id,
          status: 'processing',
          stage: p.stage,
          progress: percent,
        }),
      )
      .catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
  }
}
