import { getQueueToken } from '@nestjs/bull';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bull';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIPTS_QUEUE } from '../../src/receipts/jobs/receipt-jobs.js';
import { buildTextPdf } from '../utils/build-text-pdf.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { createTestWorker } from '../utils/create-test-worker.js';
import { http } from '../utils/http.js';
import { listStoredFiles } from '../utils/list-stored-files.js';
import { loadSroieReceipt, type SroieReceipt } from '../utils/load-sroie-receipt.js';
import { queryDatabase } from '../utils/query-database.js';
import { readSse, type SseEvent } from '../utils/read-sse.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';
import { waitForReceipt } from '../utils/wait-for-receipt.js';

// HTTP → queue → real worker (tesseract.js) → PostgreSQL/Redis → poll and SSE. The two SROIE
// receipts were picked because the parser reads their total and date right; the accuracy
// benchmark (bench/accuracy.ts) covers the rest of the dataset.
const RECEIPT_A = 'X51008099044';
const RECEIPT_B = 'X51006008197';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const TERMINAL = ['completed', 'needs_review', 'failed'];
const STAGES = ['preparing', 'reading', 'extracting', 'saving'];

/** Redis stream ids `<ms>-<seq>` in order. */
function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(Number);
  const [bm, bs] = b.split('-').map(Number);
  return am === bm ? as - bs : am - bm;
}

/** Events in order, without heartbeats (which repeat the last id while nothing happens). */
const withoutHeartbeats = (events: SseEvent[]) => events.filter((e) => e.event !== 'heartbeat');

function expectIncreasingIds(events: SseEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    expect(
      compareIds(events[i].id!, events[i - 1].id!),
      `event ${i} (${events[i].event}) id ${events[i].id}`,
    ).toBeGreaterThan(0);
  }
}

/** Live events between `state` and the terminal one: stages in pipeline order, progress never going back. */
function expectOrderedProgress(events: SseEvent[]): void {
  const stageOrder = events
    .filter((e) => e.event === 'stage')
    .map((e) => STAGES.indexOf(e.data.stage as string));
  expect(stageOrder.length).toBeGreaterThan(0);
  expect(stageOrder.every((s) => s >= 0)).toBe(true);
  expect(stageOrder).toEqual([...stageOrder].sort((a, b) => a - b));
  const progress = events.map((e) => e.data.progress as number);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
}

describe('receipt flow: upload → worker → record, watched live', () => {
  let api: TestApp;
  let env: Record<string, string>;
  let worker: INestApplicationContext | undefined;
  let user: RegisteredUser;
  let queue: Queue;
  let receiptA: SroieReceipt;
  let receiptB: SroieReceipt;
  let idA: string;
  let idB: string;
  let eventsA: SseEvent[];

  const call = (method: string, path: string) =>
    http(api.baseUrl, method, path, { token: user.token });
  const eventsUrl = (id: string) => `${api.baseUrl}/v1/receipts/${id}/events`;
  const liveJobs = async () => {
    const counts = await queue.getJobCounts();
    return counts.waiting + counts.active + counts.delayed;
  };

  beforeAll(async () => {
    env = await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
    queue = api.app.get<Queue>(getQueueToken(RECEIPTS_QUEUE));
    // Register and log in through the API, as a user would.
    user = await registerUser(api.baseUrl);
    [receiptA, receiptB] = await Promise.all([
      loadSroieReceipt(RECEIPT_A),
      loadSroieReceipt(RECEIPT_B),
    ]);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('a real receipt: 202 queued, then SSE streams state, stages and progress, and the terminal event last', async () => {
    const upload = await uploadFile(api.baseUrl, receiptA.image, {
      token: user.token,
      filename: `${RECEIPT_A}.jpg`,
    });
    expect(upload.status).toBe(202);
    idA = upload.body.id as string;
    expect(upload.body).toEqual({
      id: idA,
      status: 'queued',
      links: {
        self: `/v1/receipts/${idA}`,
        events: `/v1/receipts/${idA}/events`,
        file: `/v1/receipts/${idA}/file`,
      },
    });
    expect(upload.headers.get('location')).toBe(`/v1/receipts/${idA}`);

    // The worker starts only once the stream is open, so every event of the run is seen live.
    let streamOpen!: () => void;
    const opened = new Promise<void>((resolve) => (streamOpen = resolve));
    const stream = readSse(eventsUrl(idA), {
      token: user.token,
      timeoutMs: 120_000,
      onEvent: (e) => e.event === 'state' && streamOpen(),
    });
    await Promise.race([opened, stream]);
    worker = await createTestWorker();
    const result = await stream;

    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(result.closedByServer).toBe(true);
    const events = withoutHeartbeats(result.events);
    eventsA = events;

    const [state, ...rest] = events;
    expect(state).toMatchObject({
      event: 'state',
      data: { receiptId: idA, status: 'queued', progress: 0 },
    });
    const terminal = rest.at(-1)!;
    expect(['completed', 'needs_review']).toContain(terminal.event);
    expect(rest.slice(0, -1).every((e) => e.event === 'stage' || e.event === 'progress')).toBe(
      true,
    );
    expect(rest.map((e) => e.event).filter((t) => TERMINAL.includes(t))).toEqual([terminal.event]);
    expect(new Set(rest.filter((e) => e.event === 'stage').map((e) => e.data.stage))).toEqual(
      new Set(STAGES),
    );
    expectOrderedProgress(rest.slice(0, -1));
    expect(terminal.data).toMatchObject({ receiptId: idA, status: terminal.event, progress: 100 });
    // Ids increase; the state event carries the log position it was read at (here: empty log).
    expectIncreasingIds(rest);
    expect(compareIds(state.id!, rest[0].id!)).toBeLessThan(0);

    const receipt = await waitForReceipt(api.baseUrl, idA, user.token);
    expect(receipt.status).toBe(terminal.event);
    expect(receipt).toMatchObject({
      mimeType: 'image/jpeg',
      engine: 'tesseract',
      attempts: 1,
      pages: 1,
      error: null,
      stage: null,
      progress: 100,
      summary: { total: receiptA.total, date: receiptA.date },
    });
    expect(receipt.record.total.value).toBe(receiptA.total);
    expect(receipt.record.date.value).toBe(receiptA.date);
    expect(receipt.timings).toMatchObject({
      queuedAt: expect.any(String),
      preparingMs: expect.any(Number),
      readingMs: expect.any(Number),
      finishedAt: expect.any(String),
    });
  });

  it('Last-Event-ID resumes a finished stream: exactly the events after that id, terminal last', async () => {
    const live = eventsA.slice(1);
    const from = live.findIndex((e) => e.event === 'stage' && e.data.stage === 'reading');
    expect(from).toBeGreaterThanOrEqual(0);

    const resumed = await readSse(eventsUrl(idA), {
      token: user.token,
      headers: { 'last-event-id': live[from].id! },
    });
    expect(resumed.closedByServer).toBe(true);
    const events = withoutHeartbeats(resumed.events);
    expect(events.map((e) => [e.id, e.event])).toEqual(
      live.slice(from + 1).map((e) => [e.id, e.event]),
    );
  });

  it('a second real receipt, watched with a reconnect: the resumed stream has only later events', async () => {
    const upload = await uploadFile(api.baseUrl, receiptB.image, {
      token: user.token,
      filename: `${RECEIPT_B}.jpg`,
    });
    expect(upload.status).toBe(202);
    idB = upload.body.id as string;

    // Hang up as soon as processing has visibly started, as a flaky network would.
    const first = await readSse(eventsUrl(idB), {
      token: user.token,
      timeoutMs: 120_000,
      stopWhen: (e) => e.event === 'stage',
    });
    expect(first.closedByServer).toBe(false);
    expect(first.events[0].event).toBe('state');
    const lastSeen = first.events.at(-1)!;
    expect(lastSeen.event).toBe('stage');

    const second = await readSse(eventsUrl(idB), {
      token: user.token,
      timeoutMs: 120_000,
      headers: { 'last-event-id': lastSeen.id! },
    });
    expect(second.closedByServer).toBe(true);
    const events = withoutHeartbeats(second.events);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => compareIds(e.id!, lastSeen.id!) > 0)).toBe(true);
    expect(events.some((e) => e.event === 'state')).toBe(false);
    expectIncreasingIds(events);
    const terminal = events.at(-1)!;
    expect(['completed', 'needs_review']).toContain(terminal.event);

    const receipt = await waitForReceipt(api.baseUrl, idB, user.token);
    expect(receipt.status).toBe(terminal.event);
    expect(receipt.summary).toMatchObject({ total: receiptB.total, date: receiptB.date });
  });

  it('?token= from POST …/events-token opens the stream without a header; an access token there is refused', async () => {
    const issued = await call('POST', `/v1/receipts/${idA}/events-token`);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ token: expect.any(String), expiresIn: 300 });
    expect(issued.body.url).toBe(
      `/v1/receipts/${idA}/events?token=${encodeURIComponent(issued.body.token as string)}`,
    );

    const viaToken = await readSse(`${api.baseUrl}${issued.body.url as string}`);
    expect(viaToken.status).toBe(200);
    expect(viaToken.closedByServer).toBe(true);
    const events = withoutHeartbeats(viaToken.events);
    // A finished receipt: its state, then how it ended, then the stream closes.
    expect(events.map((e) => e.event)).toEqual(['state', eventsA.at(-1)!.event]);
    expect(events[0].data).toMatchObject({ receiptId: idA, status: eventsA.at(-1)!.event });

    const accessInUrl = await readSse(`${eventsUrl(idA)}?token=${encodeURIComponent(user.token)}`);
    expect(accessInUrl.status).toBe(401);
    expect(accessInUrl.body.code).toBe('UNAUTHORIZED');

    // The events token names one receipt and opens nothing else.
    const otherReceipt = await readSse(
      `${eventsUrl(idB)}?token=${encodeURIComponent(issued.body.token as string)}`,
    );
    expect(otherReceipt.status).toBe(401);
    const asBearer = await http(api.baseUrl, 'GET', `/v1/receipts/${idA}`, {
      token: issued.body.token as string,
    });
    expect(asBearer.status).toBe(401);
  });

  it('GET …/file returns the original bytes as an attachment, with its type and nosniff', async () => {
    const res = await fetch(`${api.baseUrl}/v1/receipts/${idA}/file`, {
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(receiptA.image)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${RECEIPT_A}.jpg`,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('uploading identical bytes again → 200 with duplicateOf, and no second job or row', async () => {
    const before = await queryDatabase(env.DATABASE_URL, 'SELECT count(*)::int AS n FROM receipts');
    const again = await uploadFile(api.baseUrl, receiptA.image, {
      token: user.token,
      filename: 'copy.jpg',
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: idA,
      duplicateOf: idA,
      links: { self: `/v1/receipts/${idA}` },
    });
    expect(TERMINAL).toContain(again.body.status);
    expect(await liveJobs()).toBe(0);
    expect(
      await queryDatabase(env.DATABASE_URL, 'SELECT count(*)::int AS n FROM receipts'),
    ).toEqual(before);
    expect((await call('GET', `/v1/receipts/${idA}`)).body).toMatchObject({
      attempts: 1,
      filename: `${RECEIPT_A}.jpg`,
    });
  });

  it('a PDF with a text layer is read without OCR (engine pdf-text)', async () => {
    const pdf = buildTextPdf([
      [
        'CORNER BOOKSHOP',
        '12 HIGH STREET, SPRINGFIELD',
        'Date: 2024-02-14  10:31',
        'NOTEBOOK              4.50',
        'PEN                   2.25',
        'SUBTOTAL              6.75',
        'TAX                   0.54',
        'TOTAL                 7.29',
        'CASH                 10.00',
        'CHANGE                2.71',
      ],
    ]);
    const upload = await uploadFile(api.baseUrl, pdf, {
      token: user.token,
      filename: 'bookshop.pdf',
      contentType: 'application/pdf',
    });
    expect(upload.status).toBe(202);
    const receipt = await waitForReceipt(api.baseUrl, upload.body.id as string, user.token);
    expect(receipt).toMatchObject({
      status: 'completed',
      mimeType: 'application/pdf',
      engine: 'pdf-text',
      pages: 1,
      summary: { merchantName: 'CORNER BOOKSHOP', total: '7.29', date: '2024-02-14' },
    });
  });

  it('an image-only PDF is rendered and OCR’d', async () => {
    const expected = JSON.parse(
      await readFile(join(FIXTURES, 'pdf/image-only.expected.json'), 'utf8'),
    ) as { total: string; date: string };
    const upload = await uploadFile(
      api.baseUrl,
      await readFile(join(FIXTURES, 'pdf/image-only.pdf')),
      {
        token: user.token,
        filename: 'image-only.pdf',
        contentType: 'application/pdf',
      },
    );
    expect(upload.status).toBe(202);
    const receipt = await waitForReceipt(api.baseUrl, upload.body.id as string, user.token);
    expect(['completed', 'needs_review']).toContain(receipt.status);
    expect(['tesseract', 'mixed']).toContain(receipt.engine);
    expect(receipt.summary).toMatchObject({ total: expected.total, date: expected.date });
  });

  it('a JPEG cut after its header is accepted, then failed by the worker with FILE_UNREADABLE, original kept', async () => {
    const data = await readFile(join(FIXTURES, 'bad/truncated-body.jpg'));
    const upload = await uploadFile(api.baseUrl, data, { token: user.token });
    expect(upload.status).toBe(202);
    const id = upload.body.id as string;
    const receipt = await waitForReceipt(api.baseUrl, id, user.token);
    // Permanent: failed on the first attempt, not retried.
    expect(receipt).toMatchObject({
      status: 'failed',
      attempts: 1,
      record: null,
      error: { code: 'FILE_UNREADABLE', message: expect.any(String) },
    });

    const file = await fetch(`${api.baseUrl}/v1/receipts/${id}/file`, {
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(Buffer.from(await file.arrayBuffer()).equals(data)).toBe(true);
    const stream = await readSse(eventsUrl(id), { token: user.token });
    expect(withoutHeartbeats(stream.events).map((e) => e.event)).toEqual(['state', 'failed']);
  });

  it('reprocess of a finished receipt → 202 and it finishes again; while queued or processing → 409 RECEIPT_BUSY', async () => {
    const before = (await call('GET', `/v1/receipts/${idA}`)).body;
    const reprocess = await call('POST', `/v1/receipts/${idA}/reprocess`);
    expect(reprocess.status).toBe(202);
    expect(reprocess.body).toMatchObject({ id: idA, status: 'queued' });

    // OCR takes seconds, so the receipt is still queued or processing here.
    const busy = await call('POST', `/v1/receipts/${idA}/reprocess`);
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('RECEIPT_BUSY');

    const after = await waitForReceipt(api.baseUrl, idA, user.token);
    expect(after.status).toBe(before.status);
    expect(after.summary).toMatchObject({ total: receiptA.total, date: receiptA.date });
    expect(Date.parse(after.finishedAt as string)).toBeGreaterThan(
      Date.parse(before.finishedAt as string),
    );
  });

  it('DELETE ?permanent=true → 204, then 404 on every route, the file gone from STORAGE_DIR', async () => {
    const storedKey = `${user.id}/${idB}.jpg`;
    expect(await listStoredFiles(env.STORAGE_DIR)).toContain(storedKey);

    expect((await call('DELETE', `/v1/receipts/${idB}?permanent=true`)).status).toBe(204);

    for (const [method, path] of [
      ['GET', `/v1/receipts/${idB}`],
      ['GET', `/v1/receipts/${idB}/file`],
      ['POST', `/v1/receipts/${idB}/reprocess`],
      ['POST', `/v1/receipts/${idB}/events-token`],
      ['DELETE', `/v1/receipts/${idB}`],
    ] as const) {
      const res = await call(method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.code).toBe('RECEIPT_NOT_FOUND');
    }
    const events = await readSse(eventsUrl(idB), { token: user.token });
    expect(events.status).toBe(404);
    expect(
      (await call('GET', '/v1/receipts')).body.items.map((r: { id: string }) => r.id),
    ).not.toContain(idB);
    expect(await listStoredFiles(env.STORAGE_DIR)).not.toContain(storedKey);
  });
});
