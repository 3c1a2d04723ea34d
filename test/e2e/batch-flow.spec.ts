import type { INestApplicationContext } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTextPdf } from '../utils/build-text-pdf.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { createTestWorker } from '../utils/create-test-worker.js';
import { http } from '../utils/http.js';
import { loadSroieReceipt } from '../utils/load-sroie-receipt.js';
import { readSse } from '../utils/read-sse.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadBatch } from '../utils/upload-batch.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const TERMINAL = ['completed', 'needs_review', 'failed'];

// A batch through the whole pipeline: HTTP → queue → real worker (tesseract.js, the PDF text
// layer) → the batch's event stream until batch.completed, then GET /v1/batches/{id}.
describe('batch flow: one request, several receipts, watched as one batch', () => {
  let api: TestApp;
  let worker: INestApplicationContext | undefined;
  let user: RegisteredUser;

  beforeAll(async () => {
    await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000', SSE_HEARTBEAT_MS: '1000' });
    api = await createTestApp();
    user = await registerUser(api.baseUrl);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('streams every receipt of the batch to its end, then batch.completed with the counts', async () => {
    const sroie = await loadSroieReceipt('X51008099044');
    const pdf = buildTextPdf([
      ['CORNER BOOKSHOP', 'Date: 2024-02-14  10:31', 'NOTEBOOK              4.50', 'TOTAL 4.50'],
    ]);
    const upload = await uploadBatch(
      api.baseUrl,
      [
        { data: sroie.image, filename: 'sroie.jpg' },
        { data: await readFile(join(FIXTURES, 'bad/page.html')), filename: 'page.html' },
        { data: pdf, filename: 'bookshop.pdf' },
        { data: await readFile(join(FIXTURES, 'bad/truncated-body.jpg')), filename: 'cut.jpg' },
      ],
      { token: user.token },
    );
    expect(upload.status).toBe(202);
    const { batchId } = upload.body;
    const ids = upload.body.receipts.flatMap((r: any) => (r.id ? [r.id as string] : []));
    expect(ids).toHaveLength(3);

    // The worker starts once the stream is open, so every receipt's run is seen live.
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const stream = readSse(`${api.baseUrl}/v1/batches/${batchId}/events`, {
      token: user.token,
      timeoutMs: 120_000,
      onEvent: (e) => e.event === 'state' && opened(),
    });
    await Promise.race([open, stream]);
    worker = await createTestWorker();
    const result = await stream;

    expect(result.status).toBe(200);
    expect(result.closedByServer).toBe(true);
    const events = result.events.filter((e) => e.event !== 'heartbeat');
    const [state, ...rest] = events;
    expect(state).toMatchObject({
      event: 'state',
      data: { id: batchId, done: false, counts: { queued: 3, refused: 1 } },
    });
    const final = rest.at(-1)!;
    expect(final.event).toBe('batch.completed');
    // Each receipt reached exactly one terminal event, before batch.completed.
    const receiptEvents = rest.slice(0, -1);
    for (const id of ids) {
      const terminal = receiptEvents.filter(
        (e) => e.data.receiptId === id && TERMINAL.includes(e.event),
      );
      expect(terminal, id).toHaveLength(1);
    }
    expect(receiptEvents.some((e) => e.event === 'stage')).toBe(true);

    const batch = await http(api.baseUrl, 'GET', `/v1/batches/${batchId}`, { token: user.token });
    expect(batch.body).toEqual(final.data);
    expect(batch.body).toMatchObject({ total: 4, done: true });
    const byName = Object.fromEntries(
      batch.body.receipts.map((r: any) => [r.filename, r.status ?? r.error.code]),
    );
    expect(byName['page.html']).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(byName['cut.jpg']).toBe('failed');
    expect(['completed', 'needs_review']).toContain(byName['sroie.jpg']);
    expect(['completed', 'needs_review']).toContain(byName['bookshop.pdf']);
    const { counts } = batch.body;
    expect(counts.failed).toBe(1);
    expect(counts.refused).toBe(1);
    expect(counts.completed + counts.needs_review).toBe(2);
    expect(counts.queued + counts.processing).toBe(0);

    // A finished batch's stream says so at once.
    const again = await readSse(`${api.baseUrl}/v1/batches/${batchId}/events`, {
      token: user.token,
    });
    expect(again.events.map((e) => e.event)).toEqual(['state', 'batch.completed']);
  });
});
