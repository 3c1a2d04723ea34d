import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { fixtureLines, seedReceipt } from '../factories/receipt.factory.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { createTestWorker } from '../utils/create-test-worker.js';
import { http } from '../utils/http.js';
import { parseCsv } from '../utils/parse-csv.js';
import { pollUntil } from '../utils/poll-until.js';
import { queryDatabase } from '../utils/query-database.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';

async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) =>
      error ? reject(error) : resolve(file),
    ),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

describe('exports, trash and account data', () => {
  let api: TestApp;
  let env: Record<string, string>;
  let redis: Redis;
  let ada: RegisteredUser;
  let bob: RegisteredUser;

  const call = (method: string, path: string, token: string, options: object = {}) =>
    http(api.baseUrl, method, path, { token, ...options });
  const seed = (ownerId: string, columns: Record<string, unknown> = {}, lines?: string[]) =>
    seedReceipt(env.DATABASE_URL, { ownerId, columns, lines, storageDir: env.STORAGE_DIR });
  const download = async (path: string, token: string) => {
    const res = await fetch(`${api.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: res.status,
      headers: res.headers,
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };
  const cacheKey = (id: string) => `${env.REDIS_KEY_PREFIX}:receipt:${id}`;
  const fileOf = (ownerId: string, id: string) => join(env.STORAGE_DIR, ownerId, `${id}.jpg`);

  beforeAll(async () => {
    // The worker's purge runs every second here (only the worker test starts one).
    env = await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000', TRASH_PURGE_INTERVAL_MS: '1000' });
    api = await createTestApp();
    redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
    [ada, bob] = await Promise.all([registerUser(api.baseUrl), registerUser(api.baseUrl)]);
  });

  afterAll(async () => {
    redis?.disconnect();
    await api?.close();
  });

  describe('CSV and ZIP exports', () => {
    let ids: string[];
    beforeAll(async () => {
      ids = [
        await seed(ada.id, { created_at: '2024-01-01T00:00:00Z', note: 'plain note' }),
        await seed(ada.id, {
          created_at: '2024-01-02T00:00:00Z',
          merchant_name: '=HYPERLINK("http://evil.example","click")',
          note: '+cmd|calc, "quoted"\nnext line',
          currency: 'EUR',
        }),
        await seed(ada.id, {
          created_at: '2024-01-03T00:00:00Z',
          merchant_name: 'Trashed',
          deleted_at: new Date(),
        }),
      ];
      await seed(bob.id, { merchant_name: 'Bob only' });
    });

    it('receipts.csv: a header, one row per receipt (not the trash, not others’), formulas defused', async () => {
      const res = await download('/v1/exports/receipts.csv', ada.token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(
        /attachment; filename="receipts-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      const text = res.bytes.toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(false);
      const rows = parseCsv(text);
      const header = rows[0];
      expect(header.slice(0, 4)).toEqual(['receipt_id', 'date', 'time', 'merchant']);
      expect(rows.slice(1).map((r) => r[0])).toEqual([ids[1], ids[0]]);
      const evil = rows[1];
      const col = (name: string) => evil[header.indexOf(name)];
      expect(col('merchant')).toBe(`'=HYPERLINK("http://evil.example","click")`);
      expect(col('note')).toBe(`'+cmd|calc, "quoted"\nnext line`);
      expect(col('total')).toBe('15.88');
      expect(col('discount')).toBe('1.77');
      expect(rows[2][header.indexOf('merchant')]).toBe('THE COPPER KETTLE CAFE');
    });

    it('filters like the search, adds a BOM on request, and refuses bad filters with 422', async () => {
      const eur = parseCsv(
        (
          await download('/v1/exports/receipts.csv?currency=EUR&bom=true', ada.token)
        ).bytes.toString('utf8'),
      );
      expect(eur[0][0]).toBe('\uFEFFreceipt_id');
      expect(eur.slice(1).map((r) => r[0])).toEqual([ids[1]]);
      const bad = await call(
        'GET',
        '/v1/exports/receipts.csv?from=2024-02-01&to=2024-01-01',
        ada.token,
      );
      expect(bad.status).toBe(422);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      expect((await call('GET', '/v1/exports/receipts.csv?bom=yes', ada.token)).status).toBe(422);
    });

    it('line-items.csv: one row per line item', async () => {
      const rows = parseCsv(
        (await download('/v1/exports/line-items.csv', ada.token)).bytes.toString('utf8'),
      );
      expect(rows[0]).toEqual([
        'receipt_id',
        'date',
        'merchant',
        'currency',
        'line',
        'description',
        'quantity',
        'unit_price',
        'amount',
      ]);
      const items = rows.slice(1);
      expect(items).toHaveLength(6);
      expect(items.slice(0, 3).map((r) => [r[0], r[4], r[5], r[8]])).toEqual([
        [ids[1], '1', 'FLAT WHITE', '3.20'],
        [ids[1], '2', 'ALMOND CROISSANT', '2.95'],
        [ids[1], '3', 'FULL ENGLISH', '11.50'],
      ]);
    });

    it('receipts.zip: both CSVs and the originals named date_merchant_total', async () => {
      const res = await download('/v1/exports/receipts.zip', ada.token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const entries = await unzip(res.bytes);
      expect([...entries.keys()].sort()).toEqual([
        'line-items.csv',
        'originals/2024-03-05_hyperlink-http-evil-example-click_15.88.jpg',
        'originals/2024-03-05_the-copper-kettle-cafe_15.88.jpg',
        'receipts.csv',
      ]);
      expect(entries.get('originals/2024-03-05_the-copper-kettle-cafe_15.88.jpg')!.toString()).toBe(
        `receipt ${ids[0]}`,
      );
      expect(parseCsv(entries.get('receipts.csv')!.toString())).toHaveLength(3);
    });
  });

  describe('trash', () => {
    it('hides a deleted receipt everywhere, lists it in the trash, and restores it', async () => {
      const carol = await registerUser(api.baseUrl);
      const id = await seed(carol.id);
      expect(
        (await call('POST', `/v1/receipts/${id}/tags`, carol.token, { body: { name: 'kept' } }))
          .status,
      ).toBe(200);
      expect((await call('DELETE', `/v1/receipts/${id}`, carol.token)).status).toBe(204);

      expect((await call('GET', `/v1/receipts/${id}`, carol.token)).status).toBe(404);
      expect((await call('GET', '/v1/receipts', carol.token)).body.items).toEqual([]);
      expect((await call('GET', '/v1/receipts/stats', carol.token)).body.currencies).toEqual([]);
      expect((await call('GET', '/v1/tags', carol.token)).body.items[0].count).toBe(0);
      expect((await call('DELETE', `/v1/receipts/${id}`, carol.token)).status).toBe(404);
      expect(existsSync(fileOf(carol.id, id))).toBe(true);

      const trash = await call('GET', '/v1/trash', carol.token);
      expect(trash.body.items.map((r: any) => r.id)).toEqual([id]);
      const { deletedAt, purgeAfter } = trash.body.items[0];
      expect(Date.parse(purgeAfter) - Date.parse(deletedAt)).toBe(30 * 86_400_000);

      const restored = await call('POST', `/v1/receipts/${id}/restore`, carol.token);
      expect(restored.status).toBe(200);
      expect(restored.body.deletedAt).toBeNull();
      expect(
        (await call('GET', '/v1/receipts', carol.token)).body.items.map((r: any) => r.id),
      ).toEqual([id]);
      expect((await call('POST', `/v1/receipts/${id}/restore`, carol.token)).status).toBe(404);
      const history = await call('GET', `/v1/receipts/${id}/history`, carol.token);
      expect(history.body.items.map((e: any) => e.action)).toEqual(['correct', 'trash', 'restore']);
    });

    it('the scheduled purge removes receipts trashed past the retention: row, file, cache key, search entry', async () => {
      const dave = await registerUser(api.baseUrl);
      const old = await seed(dave.id, { deleted_at: new Date(Date.now() - 31 * 86_400_000) });
      const recent = await seed(dave.id, { deleted_at: new Date(Date.now() - 29 * 86_400_000) });
      await redis.set(cacheKey(old), '{}');
      const { TrashService } = await import('../../src/receipts/trash/trash.service.js');
      expect(await api.app.get(TrashService).purgeExpired()).toBeGreaterThanOrEqual(1);

      const rows = await queryDatabase(
        env.DATABASE_URL,
        'SELECT id FROM receipts WHERE owner_id = $1',
        [dave.id],
      );
      expect(rows.map((r) => r.id)).toEqual([recent]);
      expect(existsSync(fileOf(dave.id, old))).toBe(false);
      expect(existsSync(fileOf(dave.id, recent))).toBe(true);
      expect(await redis.exists(cacheKey(old))).toBe(0);
      const indexed = await queryDatabase(
        env.DATABASE_URL,
        `SELECT count(*)::int AS n FROM receipts WHERE search @@ to_tsquery('simple', 'kettle') AND owner_id = $1`,
        [dave.id],
      );
      expect(indexed[0].n).toBe(1);
    });

    it('the worker runs that purge by itself every TRASH_PURGE_INTERVAL_MS', async () => {
      const ivy = await registerUser(api.baseUrl);
      const old = await seed(ivy.id, { deleted_at: new Date(Date.now() - 31 * 86_400_000) });
      const kept = await seed(ivy.id, { deleted_at: new Date() });
      const worker = await createTestWorker();
      try {
        const rows = await pollUntil(
          () =>
            queryDatabase(env.DATABASE_URL, 'SELECT id FROM receipts WHERE owner_id = $1', [
              ivy.id,
            ]),
          (found) => found.length === 1,
        );
        expect(rows.map((r) => r.id)).toEqual([kept]);
        expect(existsSync(fileOf(ivy.id, old))).toBe(false);
      } finally {
        await worker.close();
      }
    });

    it('uploading the same bytes as a trashed receipt takes it out of the trash', async () => {
      const hal = await registerUser(api.baseUrl);
      const bytes = Buffer.concat([
        await readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.jpg')),
        randomBytes(16),
      ]);
      const first = await uploadFile(api.baseUrl, bytes, { token: hal.token });
      expect(first.status).toBe(202);
      expect((await call('DELETE', `/v1/receipts/${first.body.id}`, hal.token)).status).toBe(204);
      const again = await uploadFile(api.baseUrl, bytes, { token: hal.token });
      expect(again.status).toBe(200);
      expect(again.body.duplicateOf).toBe(first.body.id);
      expect((await call('GET', `/v1/receipts/${first.body.id}`, hal.token)).status).toBe(200);
      expect((await call('GET', '/v1/trash', hal.token)).body.items).toEqual([]);
    });

    it('DELETE ?permanent=true purges at once, in the trash or not: row, file, cache key', async () => {
      const erin = await registerUser(api.baseUrl);
      const live = await seed(erin.id);
      const trashed = await seed(erin.id, { deleted_at: new Date() });
      // Reading the live receipt caches it.
      expect((await call('GET', `/v1/receipts/${live}`, erin.token)).status).toBe(200);
      expect(await redis.exists(cacheKey(live))).toBe(1);
      for (const id of [live, trashed]) {
        expect((await call('DELETE', `/v1/receipts/${id}?permanent=true`, erin.token)).status).toBe(
          204,
        );
        expect(existsSync(fileOf(erin.id, id))).toBe(false);
        expect(await redis.exists(cacheKey(id))).toBe(0);
        expect((await call('GET', `/v1/receipts/${id}`, erin.token)).status).toBe(404);
      }
      expect(
        await queryDatabase(env.DATABASE_URL, 'SELECT id FROM receipts WHERE owner_id = $1', [
          erin.id,
        ]),
      ).toEqual([]);
      expect(
        (await call('DELETE', `/v1/receipts/${live}?permanent=maybe`, erin.token)).status,
      ).toBe(422);
    });
  });

  describe('account data', () => {
    it('GET /v1/me/export: everything the user owns as JSON, the trash and history included', async () => {
      const fay = await registerUser(api.baseUrl);
      const a = await seed(fay.id);
      await seed(fay.id, { deleted_at: new Date() });
      await call('POST', `/v1/receipts/${a}/tags`, fay.token, { body: { name: 'travel' } });
      const res = await download('/v1/me/export', fay.token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = JSON.parse(res.bytes.toString('utf8'));
      expect(body.user).toMatchObject({ id: fay.id, email: fay.email });
      expect(body.tags.map((t: any) => t.name)).toEqual(['travel']);
      expect(body.receipts).toHaveLength(2);
      const exported = body.receipts.find((r: any) => r.id === a);
      expect(exported).toMatchObject({ merchant_name: 'THE COPPER KETTLE CAFE', tags: ['travel'] });
      expect(exported.ocr_lines.length).toBe(fixtureLines().length);
      expect(exported.history[0]).toMatchObject({ action: 'correct', field: 'tags' });
      expect(exported.search).toBeUndefined();
    });

    it('DELETE /v1/me removes the account, its rows, files, cache keys and sessions', async () => {
      const gus = await registerUser(api.baseUrl);
      const ids = [await seed(gus.id), await seed(gus.id, { deleted_at: new Date() })];
      await call('POST', `/v1/receipts/${ids[0]}/tags`, gus.token, { body: { name: 'gone' } });
      await call('GET', `/v1/receipts/${ids[0]}`, gus.token);
      expect(await redis.exists(cacheKey(ids[0]))).toBe(1);

      expect((await call('DELETE', '/v1/me', gus.token)).status).toBe(204);
      expect((await call('GET', '/v1/me', gus.token)).status).toBe(401);
      // Every route, not only /v1/me: the session's cached validity went with the account.
      expect((await call('GET', '/v1/receipts', gus.token)).status).toBe(401);
      for (const [table, column] of [
        ['users', 'id'],
        ['receipts', 'owner_id'],
        ['tags', 'owner_id'],
        ['auth_sessions', 'user_id'],
      ]) {
        const rows = await queryDatabase(
          env.DATABASE_URL,
          `SELECT 1 FROM ${table} WHERE ${column} = $1`,
          [gus.id],
        );
        expect(rows, table).toEqual([]);
      }
      for (const id of ids) {
        expect(existsSync(fileOf(gus.id, id))).toBe(false);
        expect(await redis.exists(cacheKey(id))).toBe(0);
      }
      // Other users are untouched.
      expect((await call('GET', '/v1/receipts', ada.token)).body.total).toBe(2);
    });
  });
});
