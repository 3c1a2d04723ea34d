import { Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CollectFunction,
} from 'prom-client';
import type { ExtractionResult } from '../ocr/ocr.types.js';
import type { ReceiptRecord } from '../ocr/parsing/receipt-record.js';

/** Fields whose fill rate is reported; a fixed list, so the `field` label stays bounded. */
const REPORTED_FIELDS = [
  'merchantName',
  'address',
  'phone',
  'taxId',
  'receiptNumber',
  'date',
  'time',
  'currency',
  'subtotal',
  'taxTotal',
  'tip',
  'discount',
  'total',
  'paymentMethod',
  'cardLast4',
] as const satisfies readonly (keyof ReceiptRecord)[];

// Buckets sized for what they time: HTTP handlers are milliseconds, OCR stages seconds.
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const STAGE_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60];
const CONFIDENCE_BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1];

export type JobOutcome = 'completed' | 'needs_review' | 'failed' | 'retrying' | 'skipped';

/**
 * Every Prometheus series of one process, on a registry of its own (not prom-client's global
 * one), so an API and a worker built in the same test process do not mix their figures.
 * Label values come from closed sets — route templates, error codes, stages, queue names —
 * never ids or user data.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'rv_http_request_duration_seconds',
    help: 'HTTP requests by route template, method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  readonly uploads = new Counter({
    name: 'rv_uploads_total',
    help: 'Receipt uploads by outcome (accepted, duplicate, refused) and refusal code',
    labelNames: ['outcome', 'code'] as const,
    registers: [this.registry],
  });

  readonly stageDuration = new Histogram({
    name: 'rv_receipt_stage_duration_seconds',
    help: 'Time spent in each processing stage (preparing, reading, extracting, saving)',
    labelNames: ['stage'] as const,
    buckets: STAGE_BUCKETS,
    registers: [this.registry],
  });

  readonly jobsFinished = new Counter({
    name: 'rv_receipt_jobs_finished_total',
    help: 'Processing attempts by outcome and failure code',
    labelNames: ['outcome', 'code'] as const,
    registers: [this.registry],
  });

  readonly ocrConfidence = new Histogram({
    name: 'rv_ocr_mean_confidence',
    help: 'Mean OCR line confidence (0..1) of each processed receipt, by engine',
    labelNames: ['engine'] as const,
    buckets: CONFIDENCE_BUCKETS,
    registers: [this.registry],
  });

  readonly fields = new Counter({
    name: 'rv_receipt_fields_total',
    help: 'Extracted fields by name and whether a value was found (fill rate = filled / all)',
    labelNames: ['field', 'filled'] as const,
    registers: [this.registry],
  });

  readonly heartbeats = new Counter({
    name: 'rv_worker_heartbeats_total',
    help: 'Liveness heartbeats this worker recorded in Redis',
    registers: [this.registry],
  });

  readonly cacheRequests = new Counter({
    name: 'rv_cache_requests_total',
    help: 'Cache reads by cache and result (hit, miss, error)',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });

  constructor() {
    // Event-loop lag, heap and resident memory, GC, handles: prom-client's defaults.
    collectDefaultMetrics({ register: this.registry, prefix: 'rv_' });
  }

  /** A gauge whose value is read at scrape time (queue depth, live workers). */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    collect: CollectFunction<Gauge<L>>,
  ): Gauge<L> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) this.registry.removeSingleMetric(name);
    return new Gauge({ name, help, labelNames, collect, registers: [this.registry] });
  }

  /** One finished processing attempt, with what it read when it read anything. */
  recordJob(outcome: JobOutcome, code: string | null, result?: ExtractionResult): void {
    this.jobsFinished.inc({ outcome, code: code ?? 'none' });
    if (!result) return;
    this.stageDuration.observe({ stage: 'preparing' }, result.timings.preparingMs / 1000);
    this.stageDuration.observe({ stage: 'reading' }, result.timings.readingMs / 1000);
    this.stageDuration.observe({ stage: 'extracting' }, result.timings.extractingMs / 1000);
    if (result.lines.length) {
      const mean = result.lines.reduce((sum, l) => sum + l.confidence, 0) / result.lines.length;
      this.ocrConfidence.observe({ engine: result.engine }, mean);
    }
    for (const field of REPORTED_FIELDS) {
      this.fields.inc({ field, filled: String(result.record[field].value !== null) });
    }
    this.fields.inc({ field: 'lineItems', filled: String(result.record.lineItems.length > 0) });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
