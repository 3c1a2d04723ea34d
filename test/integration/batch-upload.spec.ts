import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMultipart } from '../utils/build-multipart.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { listStoredFiles } from '../utils/list-stored-files.js';
import { pollUntil } from '../utils/poll-until.js';
import { queryDatabase } from '../utils/query-database.js';
import { readSse } from '../utils/read-sse.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadBatch } from '../utils/upload-batch.js';

// POST /v1/receipts/batch and GET /v1/batches/{id} on the real app with real PostgreSQL and
// Redis, no worker (receipts stay queued; test/e2e/batch-flow.spec.ts runs the worker).
const FIXTURES = join(import.meta.dirname, '../fixtures');
const fixture = (path: string) => readFile(join(FIXTURES, path));
const MAX_UPLOAD_BYTES = 200_000;
const BATCH_MAX_FILES = 4;

describe('batch uploads', () => {
  let api: TestApp;
  let env: Record<string, string>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let jpeg: Buffer;

  /** A JPEG no one uploaded before (trailing bytes after its end make it unique). */
  const uniqueJpeg = () => Buffer.concat([jpeg, randomBytes(16)]);
  const count = async (table: 'receipts' | 'batches', user: RegisteredUser) =>
    (
      await queryDatabase(
        env.DATABASE_URL,
        `SELECT count(*)::int AS n FROM ${table} WHERE owner_id = $1`,
        [user.id],
      )
    )[0].n as number;
  const staging = async () =>
    (await listStoredFiles(env.STORAGE_DIR)).filter((f) => f.startsWith('.incoming'));
  const filesOf = async (user: RegisteredUser) =>
    (await listStoredFiles(env.STORAGE_DIR)).filter((f) => f.startsWith(`${user.id}/`));
  const setStatus = (id: string, status: string) =>
    queryDatabase(env.DATABASE_URL, 'UPDATE receipts SET status = $2 WHERE id = $1', [id, status]);

  beforeAll(async () => {
    env = await useTestEnv({
      MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
      BATCH_MAX_FILES: String(BATCH_MAX_FILES),
      THROTTLE_AUTH_LIMIT: '1000',
    });
    api = await createTestApp();
    [alice, bob] = await Promise.all([registerUser(api.baseUrl), registerUser(api.baseUrl)]);
    jpeg = await fixture('receipts/uk-cafe.jpg');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('accepts the good files of a mixed batch and answers each bad one with its own code', async () => {
    const first = uniqueJpeg();
    const png = await fixture('receipts/us-diner.png');
    const res = await uploadBatch(
      api.baseUrl,
      [
        { data: first, filename: 'lunch.jpg' },
        { data: await fixture('bad/page.html'), filename: 'page.html' },
        { data: png, filename: 'diner.png' },
        { data: await fixture('bad/empty.jpg'), filename: 'empty.jpg' },
      ],
      { token: alice.token, fields: { tags: 'trip', note: 'conference' } },
    );

    expect(res.status).toBe(202);
    const { batchId } = res.body;
    expect(res.headers.get('location')).toBe(`/v1/batches/${batchId}`);
    expect(res.body).toEqual({
      batchId,
      receipts: [
        { index: 0, filename: 'lunch.jpg', id: expect.any(String), status: 'queued' },
        {
          index: 1,
          filename: 'page.html',
          error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) },
        },
        { index: 2, filename: 'diner.png', id: expect.any(String), status: 'queued' },
        {
          index: 3,
          filename: 'empty.jpg',
          error: { code: 'EMPTY_FILE', message: expect.any(String) },
        },
      ],
      links: { self: `/v1/batches/${batchId}`, events: `/v1/batches/${batchId}/events` },
    });

    const rows = await queryDatabase(
      env.DATABASE_URL,
      'SELECT id, batch_id, tags, note, mime_type FROM receipts WHERE batch_id = $1 ORDER BY mime_type',
      [batchId],
    );
    expect(rows).toEqual([
      {
        id: res.body.receipts[0].id,
        batch_id: batchId,
        tags: ['trip'],
        note: 'conference',
        mime_type: 'image/jpeg',
      },
      {
        id: res.body.receipts[2].id,
        batch_id: batchId,
        tags: ['trip'],
        note: 'conference',
        mime_type: 'image/png',
      },
    ]);
    expect(await staging()).toEqual([]);
  });

  it('answers bytes uploaded before, or twice in one batch, with duplicateOf and one receipt', async () => {
    const earlier = uniqueJpeg();
    const single = await uploadBatch(api.baseUrl, [{ data: earlier }], { token: alice.token });
    const originalId = single.body.receipts[0].id as string;
    const twice = uniqueJpeg();
    const before = await count('receipts', alice);

    const res = await uploadBatch(
      api.baseUrl,
      [{ data: earlier }, { data: twice }, { data: twice }],
      { token: alice.token },
    );

    expect(res.status).toBe(202);
    const [a, b, c] = res.body.receipts;
    expect(a).toMatchObject({ id: originalId, duplicateOf: originalId });
    expect(b.duplicateOf).toBeUndefined();
    expect(c).toMatchObject({ id: b.id, duplicateOf: b.id });
    expect(await count('receipts', alice)).toBe(before + 1);
  });

  it('gives a file over MAX_UPLOAD_BYTES its FILE_TOO_LARGE entry while the others proceed', async () => {
    const big = Buffer.concat([jpeg, randomBytes(MAX_UPLOAD_BYTES)]);
    const res = await uploadBatch(
      api.baseUrl,
      [{ data: uniqueJpeg() }, { data: big, filename: 'huge.jpg' }, { data: uniqueJpeg() }],
      { token: alice.token },
    );

    expect(res.status).toBe(202);
    expect(res.body.receipts.map((r: any) => r.error?.code ?? r.status)).toEqual([
      'queued',
      'FILE_TOO_LARGE',
      'queued',
    ]);
    expect(res.body.receipts[1]).toMatchObject({ filename: 'huge.jpg' });
    expect(await staging()).toEqual([]);
  });

  it('refuses a batch without files: 422 BATCH_EMPTY, nothing written', async () => {
    const carol = await registerUser(api.baseUrl);
    const { body, contentType } = buildMultipart([{ name: 'note', value: 'no files here' }]);
    const res = await http(api.baseUrl, 'POST', '/v1/receipts/batch', {
      token: carol.token,
      rawBody: body,
      headers: { 'content-type': contentType },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('BATCH_EMPTY');
    expect(await count('batches', carol)).toBe(0);
  });

  it('refuses one file more than BATCH_MAX_FILES: 413 BATCH_TOO_MANY_FILES, no row and no file kept', async () => {
    const carol = await registerUser(api.baseUrl);
    const files = Array.from({ length: BATCH_MAX_FILES + 1 }, () => ({ data: uniqueJpeg() }));
    const res = await uploadBatch(api.baseUrl, files, { token: carol.token });

    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      code: 'BATCH_TOO_MANY_FILES',
      details: { maxFiles: BATCH_MAX_FILES },
    });
    expect(await count('receipts', carol)).toBe(0);
    expect(await count('batches', carol)).toBe(0);
    expect(await filesOf(carol)).toEqual([]);
    expect(await staging()).toEqual([]);

    const atLimit = await uploadBatch(api.baseUrl, files.slice(0, BATCH_MAX_FILES), {
      token: carol.token,
    });
    expect(atLimit.status).toBe(202);
    expect(await count('receipts', carol)).toBe(BATCH_MAX_FILES);
  });

  it('keeps nothing of a batch whose connection drops before the body is complete', async () => {
    const carol = await registerUser(api.baseUrl);
    const second = uniqueJpeg();
    const { body, contentType } = buildMultipart([
      { name: 'file', filename: 'a.jpg', data: uniqueJpeg() },
      { name: 'file', filename: 'b.jpg', data: second },
    ]);
    const cut = body.indexOf(second) + 4096;
    const controller = new AbortController();
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(body.subarray(0, cut));
      },
    });
    const response = fetch(`${api.baseUrl}/v1/receipts/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${carol.token}`, 'content-type': contentType },
      body: stream,
      duplex: 'half',
      signal: controller.signal,
    }).catch((error: unknown) => error);
    // The first file is staged and the second one started: then the client goes away.
    await pollUntil(staging, (files) => files.length === 2);
    controller.abort();
    await response;

    await pollUntil(staging, (files) => files.length === 0);
    expect(await count('receipts', carol)).toBe(0);
    expect(await count('batches', carol)).toBe(0);
    expect(await filesOf(carol)).toEqual([]);
  });

  it('GET /v1/batches/{id} counts the entries per current status', async () => {
    const res = await uploadBatch(
      api.baseUrl,
      [
        { data: uniqueJpeg() },
        { data: uniqueJpeg() },
        { data: await fixture('bad/image.svg') },
        { data: uniqueJpeg() },
      ],
      { token: alice.token },
    );
    const { batchId } = res.body;
    const [a, b, , d] = res.body.receipts.map((r: any) => r.id as string);
    const get = () => http(api.baseUrl, 'GET', `/v1/batches/${batchId}`, { token: alice.token });

    const queued = await get();
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({
      id: batchId,
      total: 4,
      done: false,
      counts: { queued: 3, processing: 0, completed: 0, needs_review: 0, failed: 0, refused: 1 },
    });

    await setStatus(a, 'completed');
    await setStatus(b, 'processing');
    await setStatus(d, 'failed');
    const moving = await get();
    expect(moving.body.counts).toMatchObject({ queued: 0, processing: 1, completed: 1, failed: 1 });
    expect(moving.body.receipts.map((r: any) => r.status ?? r.error.code)).toEqual([
      'completed',
      'processing',
      'UNSUPPORTED_MEDIA_TYPE',
      'failed',
    ]);
    expect(moving.body.done).toBe(false);

    await setStatus(b, 'needs_review');
    const purge = await http(api.baseUrl, 'DELETE', `/v1/receipts/${d}?permanent=true`, {
      token: alice.token,
    });
    expect(purge.status).toBe(204);
    const finished = await get();
    expect(finished.body).toMatchObject({
      done: true,
      counts: { completed: 1, needs_review: 1, failed: 0, deleted: 1, refused: 1 },
    });
  });

  it("answers another user's batch exactly like a missing one, on every batch route", async () => {
    const res = await uploadBatch(api.baseUrl, [{ data: uniqueJpeg() }], { token: alice.token });
    const { batchId } = res.body;
    const routes = [
      ['GET', (id: string) => `/v1/batches/${id}`],
      ['POST', (id: string) => `/v1/batches/${id}/events-token`],
      ['GET', (id: string) => `/v1/batches/${id}/events`],
    ] as const;
    for (const [method, path] of routes) {
      const stranger = await http(api.baseUrl, method, path(batchId), { token: bob.token });
      const missing = await http(api.baseUrl, method, path(randomUUID()), { token: bob.token });
      const malformed = await http(api.baseUrl, method, path('not-a-uuid'), { token: bob.token });
      for (const answer of [stranger, missing, malformed]) {
        expect(answer.status, `${method} ${path(':id')}`).toBe(404);
        expect(answer.body).toMatchObject({ code: 'BATCH_NOT_FOUND', message: 'Batch not found' });
      }
    }
    const own = await http(api.baseUrl, 'GET', `/v1/batches/${batchId}`, { token: alice.token });
    expect(own.status).toBe(200);
  });

  it('streams a batch whose files were all refused: state, then batch.completed, then closes', async () => {
    const res = await uploadBatch(api.baseUrl, [{ data: await fixture('bad/page.html') }], {
      token: alice.token,
    });
    const issued = await http(api.baseUrl, 'POST', `/v1/batches/${res.body.batchId}/events-token`, {
      token: alice.token,
    });
    expect(issued.status).toBe(201);
    const stream = await readSse(`${api.baseUrl}${issued.body.url}`, { timeoutMs: 10_000 });
    expect(stream.status).toBe(200);
    expect(stream.closedByServer).toBe(true);
    expect(stream.events.map((e) => e.event)).toEqual(['state', 'batch.completed']);
    expect(stream.events[1].data).toMatchObject({ done: true, counts: { refused: 1 } });

    // A batch token opens no receipt's stream, and a receipt token no batch's.
    const receipt = await uploadBatch(api.baseUrl, [{ data: uniqueJpeg() }], {
      token: alice.token,
    });
    const receiptId = receipt.body.receipts[0].id as string;
    const onReceipt = await readSse(
      `${api.baseUrl}/v1/receipts/${receiptId}/events?token=${encodeURIComponent(issued.body.token)}`,
    );
    expect(onReceipt.status).toBe(401);
    const receiptToken = await http(api.baseUrl, 'POST', `/v1/receipts/${receiptId}/events-token`, {
      token: alice.token,
    });
    const onBatch = await readSse(
      `${api.baseUrl}/v1/batches/${receipt.body.batchId}/events?token=${encodeURIComponent(receiptToken.body.token)}`,
    );
    expect(onBatch.status).toBe(401);
  });

  it('goes with the account: in GET /v1/me/export, and gone after DELETE /v1/me', async () => {
    const dora = await registerUser(api.baseUrl);
    const res = await uploadBatch(
      api.baseUrl,
      [{ data: uniqueJpeg(), filename: 'kept.jpg' }, { data: await fixture('bad/page.html') }],
      { token: dora.token },
    );
    const { batchId } = res.body;
    const exported = await http(api.baseUrl, 'GET', '/v1/me/export', { token: dora.token });
    expect(exported.body.batches).toEqual([
      {
        id: batchId,
        createdAt: expect.any(String),
        entries: [
          { index: 0, filename: 'kept.jpg', id: res.body.receipts[0].id },
          { index: 1, filename: 'receipt-1.jpg', error: res.body.receipts[1].error },
        ],
      },
    ]);
    expect(exported.body.receipts[0].batch_id).toBe(batchId);

    expect((await http(api.baseUrl, 'DELETE', '/v1/me', { token: dora.token })).status).toBe(204);
    expect(await count('batches', dora)).toBe(0);
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the first response and creates nothing more', async () => {
      const key = randomUUID();
      const files = [{ data: uniqueJpeg() }, { data: uniqueJpeg() }];
      const [receiptsBefore, batchesBefore] = [
        await count('receipts', alice),
        await count('batches', alice),
      ];
      const first = await uploadBatch(api.baseUrl, files, {
        token: alice.token,
        headers: { 'idempotency-key': key },
      });
      expect(first.status).toBe(202);
      expect(first.headers.get('idempotent-replayed')).toBeNull();

      const retry = await uploadBatch(api.baseUrl, files, {
        token: alice.token,
        headers: { 'idempotency-key': key },
      });
      expect(retry.status).toBe(202);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.headers.get('location')).toBe(`/v1/batches/${first.body.batchId}`);
      expect(await count('receipts', alice)).toBe(receiptsBefore + 2);
      expect(await count('batches', alice)).toBe(batchesBefore + 1);
      expect(await staging()).toEqual([]);

      const other = await uploadBatch(api.baseUrl, [files[0], { data: uniqueJpeg() }], {
        token: alice.token,
        headers: { 'idempotency-key': key },
      });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await count('receipts', alice)).toBe(receiptsBefore + 2);
    });

    it('makes concurrent identical batches with one key one batch, all answered alike', async () => {
      const key = randomUUID();
      const files = [{ data: uniqueJpeg() }, { data: uniqueJpeg() }, { data: uniqueJpeg() }];
      const [receiptsBefore, batchesBefore] = [
        await count('receipts', alice),
        await count('batches', alice),
      ];
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          uploadBatch(api.baseUrl, files, {
            token: alice.token,
            headers: { 'idempotency-key': key },
          }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(5).fill(202));
      expect(new Set(answers.map((a) => a.body.batchId)).size).toBe(1);
      expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(
        4,
      );
      expect(await count('receipts', alice)).toBe(receiptsBefore + 3);
      expect(await count('batches', alice)).toBe(batchesBefore + 1);
      expect(await staging()).toEqual([]);
    });

    it('refuses an invalid key before reading the body', async () => {
      const res = await uploadBatch(api.baseUrl, [{ data: uniqueJpeg() }], {
        token: alice.token,
        headers: { 'idempotency-key': 'k'.repeat(256) },
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    });
  });
});
