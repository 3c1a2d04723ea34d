import type { INestApplicationContext } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureLines, seedReceipt } from '../factories/receipt.factory.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { createTestWorker } from '../utils/create-test-worker.js';
import { http } from '../utils/http.js';
import { pollUntil } from '../utils/poll-until.js';
import { queryDatabase } from '../utils/query-database.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';
import { waitForReceipt } from '../utils/wait-for-receipt.js';

/** uk-cafe with a total that does not follow from its subtotal and discount. */
const WRONG_TOTAL = fixtureLines().map((line) =>
  line.startsWith('TOTAL') ? 'TOTAL                           £19.99' : line,
);

describe('corrections, review, re-extraction and tags', () => {
  let api: TestApp;
  let env: Record<string, string>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  const call = (method: string, path: string, token: string, options: object = {}) =>
    http(api.baseUrl, method, path, { token, ...options });
  const seed = (ownerId: string, lines?: string[], columns?: Record<string, unknown>) =>
    seedReceipt(env.DATABASE_URL, { ownerId, lines, columns });
  const etagOf = async (id: string, token = alice.token) => {
    const res = await call('GET', `/v1/receipts/${id}`, token);
    expect(res.status).toBe(200);
    return res.headers.get('etag')!;
  };
  const patch = (id: string, body: unknown, ifMatch?: string, token = alice.token) =>
    call('PATCH', `/v1/receipts/${id}`, token, {
      body,
      headers: {
        'content-type': 'application/merge-patch+json',
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
    });

  beforeAll(async () => {
    env = await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
    [alice, bob] = await Promise.all([registerUser(api.baseUrl), registerUser(api.baseUrl)]);
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('PATCH with ETag / If-Match', () => {
    it('needs If-Match (428), refuses a stale or foreign one (412) and applies a current one', async () => {
      const id = await seed(alice.id);
      const other = await seed(alice.id);
      const etag = await etagOf(id);
      expect(etag).toMatch(/^"[0-9a-f-]{36}\.\d+"$/);

      const missing = await patch(id, { merchantName: 'Copper Kettle' });
      expect(missing.status).toBe(428);
      expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
      const foreign = await patch(id, { merchantName: 'Copper Kettle' }, await etagOf(other));
      expect(foreign.status).toBe(412);
      expect(foreign.body.code).toBe('PRECONDITION_FAILED');

      const ok = await patch(id, { merchantName: 'Copper Kettle', note: 'team breakfast' }, etag);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('etag')).not.toBe(etag);
      expect(ok.body.summary.merchantName).toBe('Copper Kettle');
      expect(ok.body.note).toBe('team breakfast');
      expect(ok.body.record.merchantName).toEqual({
        value: 'Copper Kettle',
        confidence: 1,
        source: 'user',
      });

      const stale = await patch(id, { merchantName: 'Again' }, etag);
      expect(stale.status).toBe(412);
      // The cache follows the change at once.
      const read = await call('GET', `/v1/receipts/${id}`, alice.token);
      expect(read.body.summary.merchantName).toBe('Copper Kettle');
      expect(read.headers.get('etag')).toBe(ok.headers.get('etag'));

      const history = await call('GET', `/v1/receipts/${id}/history`, alice.token);
      expect(history.status).toBe(200);
      expect(history.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'correct',
            field: 'merchantName',
            oldValue: 'THE COPPER KETTLE CAFE',
            newValue: 'Copper Kettle',
            actorId: alice.id,
          }),
          expect.objectContaining({ field: 'note', oldValue: null, newValue: 'team breakfast' }),
        ]),
      );
    });

    it('refuses bad values with 422 and field details, writing nothing', async () => {
      const id = await seed(alice.id);
      const etag = await etagOf(id);
      const cases: [unknown, string][] = [
        [{ merchantName: 'x', role: 'admin' }, 'role'],
        [{ total: 12.5 }, 'total'],
        [{ total: '-3.00' }, 'total'],
        [{ total: '3.001' }, 'total'],
        [{ date: '2024-02-30' }, 'date'],
        [{ date: '05/03/2024' }, 'date'],
        [{ time: '25:00' }, 'time'],
        [{ currency: 'XYZ' }, 'currency'],
        [{ currency: 'JPY', total: '1500.50' }, 'total'],
        [{ category: 'spaceships' }, 'category'],
        [{ cardLast4: '12345' }, 'cardLast4'],
        [
          { lineItems: [{ description: 'x', quantity: '1', unitPrice: '1', amount: 'one' }] },
          'lineItems.0.amount',
        ],
        [{ tags: ['ok', ''] }, 'tags'],
      ];
      for (const [body, field] of cases) {
        const res = await patch(id, body, etag);
        expect(res.status, JSON.stringify(body)).toBe(422);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      expect(await etagOf(id)).toBe(etag);
      const malformed = await call('PATCH', `/v1/receipts/${id}`, alice.token, {
        rawBody: '{"total":',
        headers: { 'content-type': 'application/merge-patch+json', 'if-match': etag },
      });
      expect(malformed.status).toBe(400);
      expect((await call('GET', `/v1/receipts/${id}/history`, alice.token)).body.items).toEqual([]);
    });

    it('accepts the currency’s own minor units (3 for BHD, 0 for JPY)', async () => {
      const id = await seed(alice.id);
      const res = await patch(id, { currency: 'BHD', total: '15.880' }, await etagOf(id));
      expect(res.status).toBe(200);
      expect(res.body.summary).toMatchObject({ currency: 'BHD', total: '15.880' });
      const yen = await patch(id, { currency: 'JPY', total: '1588' }, res.headers.get('etag')!);
      expect(yen.status).toBe(200);
      expect(yen.body.summary.total).toBe('1588');
    });

    it('re-runs the checks: fixing the total moves a receipt from needs_review to completed', async () => {
      const id = await seed(alice.id, WRONG_TOTAL);
      const before = await call('GET', `/v1/receipts/${id}`, alice.token);
      expect(before.body.status).toBe('needs_review');
      expect(before.body.reviewIssues.length).toBeGreaterThan(0);

      const fixed = await patch(id, { total: '15.88' }, before.headers.get('etag')!);
      expect(fixed.status).toBe(200);
      expect(fixed.body.status).toBe('completed');
      expect(fixed.body.reviewIssues).toEqual([]);
      expect(fixed.body.confidence).toBeLessThan(1);

      const broken = await patch(id, { total: '99.00' }, fixed.headers.get('etag')!);
      expect(broken.body.status).toBe('needs_review');
    });

    it('sets a category by hand (source user) and refuses receipts still processing', async () => {
      const id = await seed(alice.id);
      const read = await call('GET', `/v1/receipts/${id}`, alice.token);
      expect(read.body.category).toEqual({ value: 'dining', source: 'rule' });
      const set = await patch(id, { category: 'office' }, read.headers.get('etag')!);
      expect(set.body.category).toEqual({ value: 'office', source: 'user' });

      const queued = await seed(alice.id, undefined, { status: 'queued', record: null });
      const busy = await patch(queued, { note: 'x' }, await etagOf(queued));
      expect(busy.status).toBe(409);
      expect(busy.body.code).toBe('RECEIPT_BUSY');
    });
  });

  describe('review', () => {
    it('confirm accepts a receipt that needs review, recording who and when', async () => {
      const id = await seed(alice.id, WRONG_TOTAL);
      const res = await call('POST', `/v1/receipts/${id}/confirm`, alice.token);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('completed');
      expect(res.body.confirmedBy).toBe(alice.id);
      expect(Date.parse(res.body.confirmedAt)).toBeGreaterThan(Date.now() - 60_000);
      // Confirmed stays completed through later corrections, though its issues are still listed.
      const again = await patch(id, { note: 'checked' }, await etagOf(id));
      expect(again.body.status).toBe('completed');
      expect(again.body.reviewIssues.length).toBeGreaterThan(0);
    });
  });

  describe('possible duplicates', () => {
    it('flags the newer of two receipts with the same merchant, date and total until cleared', async () => {
      const first = await seed(bob.id);
      const second = await seed(bob.id);
      const touch = async (id: string) =>
        (await patch(id, { note: 'seen' }, await etagOf(id, bob.token), bob.token)).body;
      expect((await touch(second)).possibleDuplicateOf).toBe(first);
      // Only the newer one is flagged.
      expect((await touch(first)).possibleDuplicateOf).toBeNull();

      const cleared = await call('POST', `/v1/receipts/${second}/not-duplicate`, bob.token);
      expect(cleared.status).toBe(200);
      expect(cleared.body.possibleDuplicateOf).toBeNull();
      expect((await touch(second)).possibleDuplicateOf).toBeNull();
      const duplicateHistory = await call('GET', `/v1/receipts/${second}/history`, bob.token);
      expect(duplicateHistory.body.items.map((e: any) => e.action)).toContain('not_duplicate');
    });
  });

  describe('tags', () => {
    it('are per user and case-insensitive, with counts, rename, delete, add and remove', async () => {
      const carol = await registerUser(api.baseUrl);
      const a = await seed(carol.id);
      const b = await seed(carol.id);
      expect(
        (await call('POST', `/v1/receipts/${a}/tags`, carol.token, { body: { name: 'Travel' } }))
          .status,
      ).toBe(200);
      const added = await call('POST', `/v1/receipts/${b}/tags`, carol.token, {
        body: { name: 'travel' },
      });
      expect(added.body.tags).toEqual(['Travel']);
      await patch(b, { tags: ['TRAVEL', 'Food'] }, await etagOf(b, carol.token), carol.token);

      let tags = await call('GET', '/v1/tags', carol.token);
      expect(tags.body.items.map((t: any) => [t.name, t.count])).toEqual([
        ['Food', 1],
        ['Travel', 2],
      ]);
      const travel = tags.body.items.find((t: any) => t.name === 'Travel');

      const renamed = await call('PATCH', `/v1/tags/${travel.id}`, carol.token, {
        body: { name: 'Trips' },
      });
      expect(renamed.status).toBe(200);
      expect((await call('GET', `/v1/receipts/${a}`, carol.token)).body.tags).toEqual(['Trips']);
      const clash = await call('PATCH', `/v1/tags/${travel.id}`, carol.token, {
        body: { name: 'food' },
      });
      expect(clash.status).toBe(409);
      expect(clash.body.code).toBe('TAG_EXISTS');

      const removed = await call('DELETE', `/v1/receipts/${b}/tags/trips`, carol.token);
      expect(removed.body.tags).toEqual(['Food']);
      expect((await call('DELETE', `/v1/receipts/${b}/tags/none`, carol.token)).status).toBe(404);

      // Bob cannot see, rename or delete Carol's tag.
      expect(
        (await call('PATCH', `/v1/tags/${travel.id}`, bob.token, { body: { name: 'x' } })).status,
      ).toBe(404);
      expect((await call('DELETE', `/v1/tags/${travel.id}`, bob.token)).status).toBe(404);
      expect((await call('GET', '/v1/tags', bob.token)).body.items).toEqual([]);

      expect((await call('DELETE', `/v1/tags/${travel.id}`, carol.token)).status).toBe(204);
      expect((await call('GET', `/v1/receipts/${a}`, carol.token)).body.tags).toEqual([]);
      tags = await call('GET', '/v1/tags', carol.token);
      expect(tags.body.items.map((t: any) => t.name)).toEqual(['Food']);
    });

    it('given at upload are stored as tags', async () => {
      const dave = await registerUser(api.baseUrl);
      const jpeg = await readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.jpg'));
      const res = await uploadFile(api.baseUrl, jpeg, {
        token: dave.token,
        fields: { tags: 'Lunch,lunch,work' },
      });
      expect(res.status).toBe(202);
      const tags = await call('GET', '/v1/tags', dave.token);
      expect(tags.body.items.map((t: any) => [t.name, t.count])).toEqual([
        ['Lunch', 1],
        ['work', 1],
      ]);
    });
  });

  describe('with the worker', () => {
    let worker: INestApplicationContext | undefined;
    afterAll(async () => {
      await worker?.close();
    });

    beforeAll(async () => {
      worker = await createTestWorker();
    });

    it('reextract runs the parser over the kept OCR lines; corrections survive it', async () => {
      const id = await seed(alice.id);
      const corrected = await patch(id, { merchantName: 'Kettle' }, await etagOf(id));
      expect(corrected.status).toBe(200);
      // What an older parser might have left behind.
      await queryDatabase(
        env.DATABASE_URL,
        `UPDATE receipts SET total = NULL, record = jsonb_set(record, '{total}', '{"value": null, "confidence": 0, "source": null}') WHERE id = $1`,
        [id],
      );
      const res = await call('POST', `/v1/receipts/${id}/reextract`, alice.token);
      expect(res.status).toBe(202);
      const history = await pollUntil(
        () => call('GET', `/v1/receipts/${id}/history`, alice.token),
        (r) => r.body.items.some((e: any) => e.action === 'reextract'),
        { timeoutMs: 20_000, intervalMs: 100 },
      );
      expect(history.body.items.at(-1)).toMatchObject({ action: 'reextract', actorId: alice.id });
      const read = await call('GET', `/v1/receipts/${id}`, alice.token);
      expect(read.body.summary).toMatchObject({
        merchantName: 'Kettle',
        total: '15.88',
        currency: 'GBP',
      });
      expect(read.body.record.merchantName.source).toBe('user');
      expect(read.body.record.total.source).toMatchObject({
        text: expect.stringContaining('TOTAL'),
      });
    });

    it('reextract without kept OCR lines is 409 RECEIPT_NOT_EXTRACTED', async () => {
      const id = await seed(alice.id, undefined, { ocr_lines: null });
      const res = await call('POST', `/v1/receipts/${id}/reextract`, alice.token);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('RECEIPT_NOT_EXTRACTED');
    });

    it('corrections survive reprocessing (real OCR)', async () => {
      const erin = await registerUser(api.baseUrl);
      const jpeg = await readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.jpg'));
      const up = await uploadFile(api.baseUrl, jpeg, { token: erin.token });
      const done = await waitForReceipt(api.baseUrl, up.body.id, erin.token);
      expect(['completed', 'needs_review']).toContain(done.status);

      const fixed = await patch(
        up.body.id,
        { merchantName: 'My Cafe', total: '15.88' },
        await etagOf(up.body.id, erin.token),
        erin.token,
      );
      expect(fixed.status).toBe(200);
      expect((await call('POST', `/v1/receipts/${up.body.id}/reprocess`, erin.token)).status).toBe(
        202,
      );
      const again = await waitForReceipt(api.baseUrl, up.body.id, erin.token);
      expect(again.summary).toMatchObject({ merchantName: 'My Cafe', total: '15.88' });
      expect(again.record.merchantName).toMatchObject({
        value: 'My Cafe',
        source: 'user',
        confidence: 1,
      });
    });
  });
});
