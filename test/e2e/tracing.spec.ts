import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../utils/free-port.js';
import { http } from '../utils/http.js';
import { loadSroieReceipt } from '../utils/load-sroie-receipt.js';
import { pollUntil } from '../utils/poll-until.js';
import { registerUser } from '../utils/register-user.js';
import { spawnSourceProcess as spawnAppProcess } from '../utils/spawn-source-process.js';
import type { WorkerProcess } from '../utils/spawn-worker-process.js';
import { useTestEnv } from '../utils/test-env.js';
import type { CollectedSpan } from '../utils/tracing/collect-spans.js';
import { requestSpans } from '../utils/tracing/request-spans.js';
import { waitForReceipt } from '../utils/wait-for-receipt.js';

const REQUEST_ID = 'trace-e2e-upload-1';
const WORKER_STAGES = [
  'receipt.queue_wait',
  'receipt.process',
  'receipt.stage.preparing',
  'receipt.stage.reading',
  'ocr.tesseract.recognize',
  'receipt.stage.extracting',
  'receipt.stage.saving',
];

/** JSON log lines of a process's output (pino, LOG_FORMAT=json). */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

// The API and the worker as two real processes, each with an in-memory span exporter
// (test/utils/tracing/collect-spans.ts, read back over IPC): one upload must give one trace.
describe('one trace per receipt, across the API and the worker', () => {
  let api: WorkerProcess;
  let worker: WorkerProcess;
  let baseUrl: string;
  let receiptId: string;
  let apiSpans: CollectedSpan[];
  let workerSpans: CollectedSpan[];

  beforeAll(async () => {
    const port = await freePort();
    await useTestEnv({
      OTEL_ENABLED: 'true',
      LOG_LEVEL: 'info',
      PORT: String(port),
      WORKER_CONCURRENCY: '1',
      OCR_POOL_SIZE: '1',
    });
    const options = { imports: ['./test/utils/tracing/collect-spans.ts'], ipc: true };
    api = spawnAppProcess('src/main.ts', {}, options);
    worker = spawnAppProcess('src/worker.ts', {}, options);
    baseUrl = `http://127.0.0.1:${port}`;
    await pollUntil(
      () =>
        fetch(`${baseUrl}/health/live`).then(
          (r) => r.status,
          () => 0,
        ),
      (status) => status === 200,
      { timeoutMs: 60_000, intervalMs: 200 },
    );

    const user = await registerUser(baseUrl);
    const receipt = await loadSroieReceipt('X51008099044');
    const { buildMultipart } = await import('../utils/build-multipart.js');
    const { body, contentType } = buildMultipart([
      { name: 'file', filename: 'receipt.jpg', contentType: 'image/jpeg', data: receipt.image },
    ]);
    const upload = await http(baseUrl, 'POST', '/v1/receipts', {
      token: user.token,
      rawBody: body,
      headers: { 'content-type': contentType, 'x-request-id': REQUEST_ID },
    });
    expect(upload.status, upload.text).toBe(202);
    receiptId = upload.body.id;
    await waitForReceipt(baseUrl, receiptId, user.token, 120_000);
    // The worker's last span ends just after the receipt is saved; give it a moment.
    workerSpans = await pollUntil(
      () => requestSpans(worker.child),
      (spans) => spans.some((s) => s.name === 'receipt.process'),
    );
    apiSpans = await requestSpans(api.child);
  });

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
  });

  it('joins the worker’s spans to the upload’s trace', () => {
    const upload = apiSpans.find((s) => s.name === 'receipt.upload');
    expect(upload, apiSpans.map((s) => s.name).join(', ')).toBeDefined();
    const traceId = upload!.traceId;
    // The upload runs inside the HTTP server span of POST /v1/receipts, the trace's root.
    const ancestors: CollectedSpan[] = [];
    for (let span = upload; span?.parentSpanId;) {
      span = apiSpans.find((s) => s.spanId === span!.parentSpanId);
      if (span) ancestors.push(span);
    }
    const root = ancestors.at(-1);
    expect(root?.parentSpanId).toBeUndefined();
    expect(root?.attributes['http.request.method'] ?? root?.attributes['http.method']).toBe('POST');

    for (const name of WORKER_STAGES) {
      const spans = workerSpans.filter((s) => s.name === name);
      expect(spans.length, name).toBeGreaterThan(0);
      expect(new Set(spans.map((s) => s.traceId)), name).toEqual(new Set([traceId]));
    }
    // The worker's root spans hang under a span of the API process (the context in the job).
    const apiSpanIds = new Set(apiSpans.map((s) => s.spanId));
    const processSpan = workerSpans.find((s) => s.name === 'receipt.process')!;
    expect(apiSpanIds.has(processSpan.parentSpanId!)).toBe(true);
    expect(processSpan.attributes['receipt.id']).toBe(receiptId);
  });

  it('names the request by its route and leaves out a span per Express middleware', () => {
    const traceId = apiSpans.find((s) => s.name === 'receipt.upload')!.traceId;
    const request = apiSpans.filter((s) => s.traceId === traceId);
    const root = request.find((s) => !s.parentSpanId)!;
    expect(root.attributes['http.route']).toBe('/v1/receipts');
    // The route's own handler is there; body parsers, request id, metrics, logger and the
    // other middlewares are not (a span each cost more than they told).
    expect(request.some((s) => s.attributes['express.type'] === 'request_handler')).toBe(true);
    const middlewares = request.filter((s) =>
      ['middleware', 'router'].includes(s.attributes['express.type'] as string),
    );
    expect(middlewares.map((s) => s.name)).toEqual([]);
  });

  it('traces the worker’s database writes and Redis calls in the same trace', () => {
    const inTrace = workerSpans.filter(
      (s) => s.traceId === apiSpans.find((a) => a.name === 'receipt.upload')!.traceId,
    );
    expect(
      inTrace.some(
        (s) =>
          s.attributes['db.system'] === 'postgresql' ||
          s.attributes['db.system.name'] === 'postgresql',
      ),
    ).toBe(true);
    expect(
      inTrace.some(
        (s) => s.attributes['db.system'] === 'redis' || s.attributes['db.system.name'] === 'redis',
      ),
    ).toBe(true);
  });

  it('writes the request id and the trace id in every log line about the receipt', () => {
    const traceId = apiSpans.find((s) => s.name === 'receipt.upload')!.traceId;
    const workerLines = logLines(worker.output()).filter((l) => l.receiptId === receiptId);
    expect(workerLines.length).toBeGreaterThan(0);
    for (const line of workerLines) {
      expect(line).toMatchObject({ requestId: REQUEST_ID, traceId });
    }
    const apiLines = logLines(api.output()).filter((l) => l.requestId === REQUEST_ID);
    expect(apiLines.length).toBeGreaterThan(0);
    for (const line of apiLines) expect(line.traceId, JSON.stringify(line)).toBe(traceId);
  });
});
