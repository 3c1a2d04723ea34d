import { Redis } from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http, type HttpResult } from '../utils/http.js';
import { listStoredFiles } from '../utils/list-stored-files.js';
import { queryDatabase } from '../utils/query-database.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { startRedis, type RedisHandle } from '../utils/start-redis.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';

// No worker runs here: receipts stay queued unless a test finishes them in SQL, the way the
// worker's markCompleted would, but without its cache invalidation.

const JPEG = readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.jpg'));

describe('receipts API', () => {
  let api: TestApp;
  let env: Record<string, string>;
  // This file's own Redis (cache, events and queue), so it can be stopped without harming others.
  let redisServer: RedisHandle;
  let redis: Redis;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  const call = (method: string, path: string, token: string) =>
    http(api.baseUrl, method, path, { token });
  const cacheKey = (id: string) => `${env.REDIS_KEY_PREFIX}:receipt:${id}`;

  /** Uploads a JPEG no one uploaded before (trailing bytes after its end make it unique). */
  const upload = async (
    user: RegisteredUser,
    fields: Record<string, string> = {},
    filename = 'receipt.jpg',
  ): Promise<string> => {
    const data = Buffer.concat([await JPEG, randomBytes(16)]);
    const res = await uploadFile(api.baseUrl, data, { token: user.token, fields, filename });
    expect(res.status).toBe(202);
    return res.body.id as string;
  };

  /** What the worker's markCompleted does to the row (SQL only: the cache is left alone). */
  const finishInSql = (id: string, merchant: string, total = '12.34') =>
    queryDatabase(
      env.DATABASE_URL,
      `UPDATE receipts SET status = 'completed', stage = NULL, progress = 100, merchant_name = $2, total = $3,
              receipt_date = '2024-01-02', currency = 'GBP', engine = 'tesseract', finished_at = now()
        WHERE id = $1`,
      [id, merchant, total],
    );

  beforeAll(async () => {
    redisServer = await startRedis();
    env = await useTestEnv({ REDIS_URL: redisServer.url, THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
    redis = new Redis(redisServer.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    [alice, bob] = await Promise.all([registerUser(api.baseUrl), registerUser(api.baseUrl)]);
  });

  afterAll(async () => {
    redis?.disconnect();
    await api?.close();
    await redisServer?.teardown();
  });

  describe("another user's receipt does not exist for them", () => {
    const routes: [string, string][] = [
      ['GET', ''],
      ['GET', '/file'],
      ['GET', '/events'],
      ['POST', '/events-token'],
      ['POST', '/reprocess'],
      ['DELETE', ''],
    ];
    const withoutRequestId = ({ requestId: _requestId, ...rest }: Record<string, unknown>) => rest;

    it.each(routes)(
      '%s /v1/receipts/{id}%s → 404 RECEIPT_NOT_FOUND, the same answer as an unknown or malformed id',
      async (method, suffix) => {
        const path = (id: string) => `/v1/receipts/${id}${suffix}`;
        const queued = await upload(alice);
        // A finished receipt that alice has read sits in the cache: the cache must check the owner too.
        const finished = await upload(alice);
        await finishInSql(finished, 'ALICE CAFE');
        expect((await call('GET', `/v1/receipts/${finished}`, alice.token)).status).toBe(200);
        expect(await redis.exists(cacheKey(finished))).toBe(1);

        const answers: HttpResult[] = [];
        for (const id of [queued, finished, randomUUID(), 'not-a-uuid', '..%2F..%2Fetc']) {
          const res = await call(method, path(id), bob.token);
          expect(res.status, `${method} ${path(id)}`).toBe(404);
          expect(res.body.code).toBe('RECEIPT_NOT_FOUND');
          answers.push(res);
        }
        const bodies = answers.map((res) => withoutRequestId(res.body as Record<string, unknown>));
        for (const body of bodies) expect(body).toEqual(bodies[0]);

        // Bob's attempts changed nothing of alice's.
        for (const id of [queued, finished]) {
          const own = await call('GET', `/v1/receipts/${id}`, alice.token);
          expect(own.status).toBe(200);
          expect(own.body.status).toBe(id === queued ? 'queued' : 'completed');
        }
        expect(await listStoredFiles(join(env.STORAGE_DIR, alice.id))).toEqual(
          expect.arrayContaining([`${queued}.jpg`, `${finished}.jpg`]),
        );
      },
    );

    it("bob's list never shows alice's receipts", async () => {
      const id = await upload(alice, { note: 'alice only' });
      const list = await call('GET', '/v1/receipts?q=alice%20only', bob.token);
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ items: [], total: 0 });
      expect(
        (await call('GET', '/v1/receipts?q=alice%20only', alice.token)).body.items.map(
          (r: { id: string }) => r.id,
        ),
      ).toEqual([id]);
    });
  });

  describe('GET /v1/receipts', () => {
    let carol: RegisteredUser;
    const ids: string[] = [];

    beforeAll(async () => {
      carol = await registerUser(api.baseUrl);
      // Uploaded one after another, so their creation order is known.
      ids.push(await upload(carol, { note: 'team coffee' }, 'coffee.jpg'));
      ids.push(await upload(carol, { note: 'nails and screws' }, 'hardware.jpg'));
      ids.push(await upload(carol, { note: 'lunch 100% paid' }, 'lunch.jpg'));
      ids.push(await upload(carol, {}, 'scan.jpg'));
      await finishInSql(ids[1], 'ACME HARDWARE LTD');
    });

    const list = async (query: string) => {
      const res = await call('GET', `/v1/receipts${query}`, carol.token);
      expect(res.status).toBe(200);
      return res.body as {
        items: { id: string; status: string }[];
        total: number;
        page: number;
        pageSize: number;
      };
    };

    it('pages newest first with the total over all pages', async () => {
      const first = await list('?pageSize=3');
      expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
      const second = await list('?pageSize=3&page=2');
      expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect([...first.items, ...second.items].map((r) => r.id)).toEqual([...ids].reverse());
      expect((await list('?pageSize=3&page=3')).items).toEqual([]);
    });

    it('filters by status', async () => {
      const completed = await list('?status=completed');
      expect(completed.total).toBe(1);
      expect(completed.items.map((r) => r.id)).toEqual([ids[1]]);
      const queued = await list('?status=queued');
      expect(queued.total).toBe(3);
      expect(queued.items.every((r) => r.status === 'queued')).toBe(true);
    });

    it('searches merchant and note with q (full text, word prefixes), case-insensitively', async () => {
      const found = async (q: string) =>
        (await list(`?q=${encodeURIComponent(q)}`)).items.map((r) => r.id);
      expect(await found('acme')).toEqual([ids[1]]);
      expect(await found('COFFEE')).toEqual([ids[0]]);
      expect(await found('hard')).toEqual([ids[1]]);
      expect(await found('100% paid')).toEqual([ids[2]]);
      expect(await found('lunch screws')).toEqual([]);
      // Operators and wildcards are not syntax: only words are searched, and there must be one.
      expect(await found('_coffee%')).toEqual([ids[0]]);
      const res = await call('GET', '/v1/receipts?q=%25', carol.token);
      expect(res.status).toBe(422);
    });

    it('refuses an unknown status or page size with 422', async () => {
      for (const query of ['?status=done', '?pageSize=1000', '?page=0']) {
        const res = await call('GET', `/v1/receipts${query}`, carol.token);
        expect(res.status, query).toBe(422);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
    });
  });

  describe('reads through the Redis cache, never stale', () => {
    it('caches a finished receipt, and reprocess and delete invalidate it', async () => {
      const id = await upload(alice);
      // Unfinished receipts change every second; they are not cached.
      expect((await call('GET', `/v1/receipts/${id}`, alice.token)).body.status).toBe('queued');
      expect(await redis.exists(cacheKey(id))).toBe(0);

      await finishInSql(id, 'FIRST CAFE');
      const first = await call('GET', `/v1/receipts/${id}`, alice.token);
      expect(first.body).toMatchObject({
        status: 'completed',
        summary: { merchantName: 'FIRST CAFE', total: '12.34' },
      });
      expect(await redis.exists(cacheKey(id))).toBe(1);

      // A change behind the app's back is not seen: the second read came from the cache.
      await queryDatabase(
        env.DATABASE_URL,
        `UPDATE receipts SET merchant_name = 'CHANGED IN SQL' WHERE id = $1`,
        [id],
      );
      const second = await call('GET', `/v1/receipts/${id}`, alice.token);
      expect(second.body).toEqual(first.body);

      // Reprocess is a write through the app: the next read is fresh.
      const reprocess = await call('POST', `/v1/receipts/${id}/reprocess`, alice.token);
      expect(reprocess.status).toBe(202);
      expect(reprocess.body).toMatchObject({ id, status: 'queued' });
      expect(await redis.exists(cacheKey(id))).toBe(0);
      const afterReprocess = await call('GET', `/v1/receipts/${id}`, alice.token);
      expect(afterReprocess.body).toMatchObject({
        status: 'queued',
        progress: 0,
        finishedAt: null,
      });

      await finishInSql(id, 'SECOND CAFE', '56.78');
      expect((await call('GET', `/v1/receipts/${id}`, alice.token)).body.summary.total).toBe(
        '56.78',
      );
      expect(await redis.exists(cacheKey(id))).toBe(1);

      // To the trash: the cached copy goes at once, the row and file stay until purged.
      const trashed = await call('DELETE', `/v1/receipts/${id}`, alice.token);
      expect(trashed.status).toBe(204);
      expect(await redis.exists(cacheKey(id))).toBe(0);
      expect((await call('GET', `/v1/receipts/${id}`, alice.token)).status).toBe(404);
      expect(await listStoredFiles(join(env.STORAGE_DIR, alice.id))).toContain(`${id}.jpg`);

      const deleted = await call('DELETE', `/v1/receipts/${id}?permanent=true`, alice.token);
      expect(deleted.status).toBe(204);
      expect(
        await queryDatabase(env.DATABASE_URL, 'SELECT id FROM receipts WHERE id = $1', [id]),
      ).toEqual([]);
      expect(await listStoredFiles(join(env.STORAGE_DIR, alice.id))).not.toContain(`${id}.jpg`);
    });

    it('answers a cache hit exactly as the miss before it: body, type, ETag and 304', async () => {
      const id = await upload(alice, { note: 'served from the cache', tags: 'café,lunch' });
      await finishInSql(id, 'CAFÉ “QUOTES”', '9.99');
      const miss = await call('GET', `/v1/receipts/${id}`, alice.token);
      expect(miss.status).toBe(200);
      expect(await redis.exists(cacheKey(id))).toBe(1);
      const hit = await call('GET', `/v1/receipts/${id}`, alice.token);

      expect(hit.status).toBe(200);
      expect(hit.text).toBe(miss.text);
      expect(hit.body).toMatchObject({ id, summary: { merchantName: 'CAFÉ “QUOTES”' } });
      for (const res of [miss, hit]) {
        expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(res.headers.get('etag')).toBe(`"${id}.${miss.body.version}"`);
        expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(miss.text));
      }

      // A conditional GET with the current tag is a 304 from the cache, a stale tag a 200.
      // (fetch itself adds `Cache-Control: no-cache` to a conditional request, which asks
      // the server for a full answer: an explicit header keeps it from doing so.)
      const conditional = (etag: string) =>
        http(api.baseUrl, 'GET', `/v1/receipts/${id}`, {
          token: alice.token,
          headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' },
        });
      const notModified = await conditional(hit.headers.get('etag')!);
      expect(notModified.status).toBe(304);
      expect(notModified.text).toBe('');
      expect((await conditional(`"${id}.0"`)).status).toBe(200);
      // The cached text names its owner: bob still gets a 404, not alice's receipt.
      expect((await call('GET', `/v1/receipts/${id}`, bob.token)).status).toBe(404);
    });

    it('treats a cache entry in another shape (an older release) as a miss and replaces it', async () => {
      const id = await upload(alice);
      await finishInSql(id, 'FROM POSTGRES');
      // The shape releases before Nov 30 wrote: the body as an object, parsed on every hit.
      const old = { ownerId: alice.id, body: { id, status: 'completed', merchant: 'STALE' } };
      await redis.set(cacheKey(id), JSON.stringify(old), 'EX', 60);
      const res = await call('GET', `/v1/receipts/${id}`, alice.token);
      expect(res.status).toBe(200);
      expect(res.body.summary.merchantName).toBe('FROM POSTGRES');
      expect(await redis.get(cacheKey(id))).toMatch(new RegExp(`^${alice.id} \\d+\\n\\{`));
    });

    it('reprocess of a queued or processing receipt → 409 RECEIPT_BUSY, and nothing changes', async () => {
      const id = await upload(alice);
      const queued = await call('POST', `/v1/receipts/${id}/reprocess`, alice.token);
      expect(queued.status).toBe(409);
      expect(queued.body.code).toBe('RECEIPT_BUSY');

      await queryDatabase(
        env.DATABASE_URL,
        `UPDATE receipts SET status = 'processing', stage = 'reading', attempts = 1 WHERE id = $1`,
        [id],
      );
      const processing = await call('POST', `/v1/receipts/${id}/reprocess`, alice.token);
      expect(processing.status).toBe(409);
      expect(processing.body.code).toBe('RECEIPT_BUSY');
      expect((await call('GET', `/v1/receipts/${id}`, alice.token)).body).toMatchObject({
        status: 'processing',
        stage: 'reading',
        attempts: 1,
      });
    });

    // Last in this file: it stops this file's Redis.
    it('with Redis down, reads still work from PostgreSQL', async () => {
      const id = await upload(alice, { note: 'read me without redis' });
      await finishInSql(id, 'CACHED BEFORE OUTAGE');
      expect((await call('GET', `/v1/receipts/${id}`, alice.token)).body.summary.merchantName).toBe(
        'CACHED BEFORE OUTAGE',
      );
      expect(await redis.exists(cacheKey(id))).toBe(1);

      await redisServer.stop();
      try {
        await queryDatabase(
          env.DATABASE_URL,
          `UPDATE receipts SET merchant_name = 'READ FROM POSTGRES' WHERE id = $1`,
          [id],
        );
        const res = await call('GET', `/v1/receipts/${id}`, alice.token);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          id,
          status: 'completed',
          summary: { merchantName: 'READ FROM POSTGRES' },
        });

        const listed = await call('GET', '/v1/receipts?q=read%20me%20without', alice.token);
        expect(listed.status).toBe(200);
        expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([id]);

        // Ownership still holds without the cache.
        expect((await call('GET', `/v1/receipts/${id}`, bob.token)).status).toBe(404);
      } finally {
        await redisServer.start();
      }
    });
  });
});
