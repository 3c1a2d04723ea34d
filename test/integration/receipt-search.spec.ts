import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReceipt } from '../factories/receipt.factory.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { queryDatabase } from '../utils/query-database.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';

/**
 * One user's small vault with known values, so every filter and sort has an exact expected
 * answer. Letters name the receipts; E has no record (a failed receipt).
 */
const VAULT = {
  A: {
    merchant_name: 'Shell',
    receipt_date: '2024-03-05',
    total: '50.00',
    tax_total: '8.00',
    currency: 'EUR',
    category: 'fuel',
    confidence: 0.9,
    created_at: '2024-03-05T10:00:00Z',
    note: 'motorway fill-up',
  },
  B: {
    merchant_name: 'Tesco',
    receipt_date: '2024-03-20',
    total: '30.00',
    tax_total: '0.00',
    currency: 'GBP',
    category: 'groceries',
    confidence: 0.8,
    created_at: '2024-03-20T10:00:00Z',
  },
  C: {
    merchant_name: 'Starbucks',
    receipt_date: '2024-02-10',
    total: '5.50',
    tax_total: '0.88',
    currency: 'EUR',
    category: 'dining',
    confidence: 0.7,
    created_at: '2024-02-10T10:00:00Z',
  },
  D: {
    merchant_name: 'SHELL',
    receipt_date: '2024-04-01',
    total: '70.00',
    tax_total: '11.20',
    currency: 'EUR',
    category: 'fuel',
    confidence: 0.2,
    status: 'needs_review',
    review_issues: JSON.stringify(['The total does not follow.']),
    created_at: '2024-04-01T10:00:00Z',
  },
  E: {
    merchant_name: null,
    receipt_date: null,
    total: null,
    tax_total: null,
    currency: null,
    category: null,
    confidence: null,
    status: 'failed',
    record: null,
    review_issues: null,
    item_text: null,
    ocr_text: null,
    address: null,
    created_at: '2024-04-02T10:00:00Z',
  },
} as const;
type Letter = keyof typeof VAULT;

describe('search, filters, sorts, cursor pages and stats', () => {
  let api: TestApp;
  let env: Record<string, string>;
  let dave: RegisteredUser;
  let erin: RegisteredUser;
  const ids = {} as Record<Letter, string>;
  const letterOf = (id: string) => (Object.keys(ids) as Letter[]).find((l) => ids[l] === id);

  const get = (path: string, token = dave.token) => http(api.baseUrl, 'GET', path, { token });
  const letters = async (query: string) => {
    const res = await get(`/v1/receipts?${query}`);
    expect(res.status, `${query}: ${res.text}`).toBe(200);
    return res.body.items.map((r: { id: string }) => letterOf(r.id) ?? r.id).join('');
  };
  const refused = async (query: string, status = 422) => {
    const res = await get(`/v1/receipts?${query}`);
    expect(res.status, query).toBe(status);
    return res.body;
  };

  beforeAll(async () => {
    env = await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
    [dave, erin] = await Promise.all([registerUser(api.baseUrl), registerUser(api.baseUrl)]);
    for (const letter of Object.keys(VAULT) as Letter[]) {
      ids[letter] = await seedReceipt(env.DATABASE_URL, {
        ownerId: dave.id,
        columns: { ...VAULT[letter] },
      });
    }
    const tag = (letter: Letter, name: string) =>
      http(api.baseUrl, 'POST', `/v1/receipts/${ids[letter]}/tags`, {
        token: dave.token,
        body: { name },
      });
    for (const [letter, name] of [
      ['A', 'work'],
      ['A', 'car'],
      ['B', 'home'],
      ['C', 'Work'],
    ] as [Letter, string][]) {
      expect((await tag(letter, name)).status).toBe(200);
    }
    // Another user's receipt and one in the trash never show up.
    await seedReceipt(env.DATABASE_URL, { ownerId: erin.id, columns: { merchant_name: 'Shell' } });
    await seedReceipt(env.DATABASE_URL, {
      ownerId: dave.id,
      columns: { merchant_name: 'Shell', deleted_at: new Date() },
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('full-text search', () => {
    it('finds merchant, note and OCR text by word prefix, ranked, with a plain-text snippet', async () => {
      expect(await letters('q=shell')).toMatch(/^(AD|DA)$/);
      expect(await letters('q=starb')).toBe('C');
      expect(await letters('q=motorway')).toBe('A');
      // Every word must match; words are searched in OCR text too (the uk-cafe fixture).
      expect(await letters('q=copper%20kettle&sort=total&order=asc')).toBe('CBAD');
      expect(await letters('q=shell%20kettle&tag=car')).toBe('A');
      const res = await get('/v1/receipts?q=motorway');
      expect(res.body.items[0].snippet).toContain('«motorway»');
    });

    it('finds a corrected merchant and note at once (search document and merchant filter)', async () => {
      const gil = await registerUser(api.baseUrl);
      const id = await seedReceipt(env.DATABASE_URL, { ownerId: gil.id });
      const search = async (query: string) =>
        (await get(`/v1/receipts?${query}`, gil.token)).body.items.map((r: { id: string }) => r.id);
      const read = await get(`/v1/receipts/${id}`, gil.token);
      const patched = await http(api.baseUrl, 'PATCH', `/v1/receipts/${id}`, {
        token: gil.token,
        body: { merchantName: 'Zanzibar Teahouse', note: 'quarterly offsite' },
        headers: { 'if-match': read.headers.get('etag') as string },
      });
      expect(patched.status, patched.text).toBe(200);
      expect(await search('q=zanzibar')).toEqual([id]);
      expect(await search('q=offsite')).toEqual([id]);
      expect(
        await search(`merchant=${encodeURIComponent('zanzibar teahouse')}&q=teahouse`),
      ).toEqual([id]);
    });

    it('treats tsquery syntax as text and refuses a q without words or over 200 characters', async () => {
      expect(await letters(`q=${encodeURIComponent("shell & !| (:* ' \\ <->")}`)).toMatch(
        /^(AD|DA)$/,
      );
      // Quotes and backslashes around or inside words stay text too.
      for (const q of ["'shell'", "shell''", '\\shell\\', "motorway's"]) {
        expect(await letters(`q=${encodeURIComponent(q)}`), q).toMatch(/^(AD|DA|A)$/);
      }
      expect(await letters(`q=${encodeURIComponent("motorway's")}`)).toBe('A');
      expect(await letters(`q=${encodeURIComponent('zzzz-not-there')}`)).toBe('');
      const noWords = await refused(`q=${encodeURIComponent('&|!():*')}`);
      expect(noWords.details[0].field).toBe('q');
      await refused(`q=${'a'.repeat(10_000)}`);
      await refused('sort=relevance');
    });
  });

  describe('filters', () => {
    it.each([
      ['from=2024-03-01&to=2024-03-31', 'BA'],
      ['from=2024-03-21', 'D'],
      ['to=2024-02-28', 'C'],
      ['minTotal=30&maxTotal=50', 'BA'],
      ['minTotal=60', 'D'],
      ['currency=EUR', 'DAC'],
      ['merchant=shell', 'DA'],
      ['tag=work', 'AC'],
      ['tag=WORK&tag=car', 'A'],
      ['tag=work&tag=home', ''],
      ['category=fuel', 'DA'],
      ['status=failed', 'E'],
      ['hasIssues=true', 'D'],
      ['hasIssues=false&currency=EUR', 'AC'],
      ['status=needs_review&sort=confidence', 'D'],
    ])('%s → %s (newest first)', async (query, expected) => {
      expect(await letters(query)).toBe(expected);
    });

    it('duplicates=true lists possible duplicates only', async () => {
      await queryDatabase(
        env.DATABASE_URL,
        'UPDATE receipts SET possible_duplicate_of = $2 WHERE id = $1',
        [ids.D, ids.A],
      );
      expect(await letters('duplicates=true')).toBe('D');
      expect(await letters('duplicates=false&category=fuel')).toBe('A');
      await queryDatabase(
        env.DATABASE_URL,
        'UPDATE receipts SET possible_duplicate_of = NULL WHERE id = $1',
        [ids.D],
      );
    });

    it.each([
      'from=2024-04-01&to=2024-03-01',
      'from=2024-02-30',
      'from=03/01/2024',
      'minTotal=50&maxTotal=10',
      'minTotal=abc',
      'maxTotal=1.23456',
      'currency=XYZ',
      'category=spaceships',
      'status=done',
      'hasIssues=maybe',
      'sort=price',
      'order=up',
      'limit=0',
      'limit=1000',
      'unknown=1',
      `tag=${'x'.repeat(51)}`,
    ])('refuses %s with 422', async (query) => {
      const body = await refused(query);
      expect(body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('sorts', () => {
    it.each([
      ['', 'EDBAC'],
      ['sort=created&order=asc', 'CABDE'],
      ['sort=date', 'DBACE'],
      ['sort=date&order=asc', 'ECABD'],
      ['sort=total', 'DABCE'],
      ['sort=total&order=asc', 'ECBAD'],
      ['sort=confidence', 'EDCBA'],
      ['sort=confidence&order=desc', 'ABCDE'],
    ])('%s → %s', async (query, expected) => {
      expect(await letters(query)).toBe(expected);
    });

    it('sorts by merchant case-insensitively, ties broken by id', async () => {
      const shells = [ids.A, ids.D].sort();
      const expected = ['E', letterOf(shells[0]), letterOf(shells[1]), 'C', 'B'].join('');
      expect(await letters('sort=merchant')).toBe(expected);
      expect(await letters('sort=merchant&order=desc')).toBe([...expected].reverse().join(''));
    });
  });

  describe('cursor pages', () => {
    it('walks every receipt once, unaffected by receipts arriving between pages', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `sort=total&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const res = await get(`/v1/receipts?${query}`);
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(pages === 0 ? 5 : 6);
        seen.push(...res.body.items.map((r: { id: string }) => letterOf(r.id)));
        cursor = res.body.nextCursor;
        if (pages === 0) {
          // A new receipt with a total in the middle of the first page's range.
          await seedReceipt(env.DATABASE_URL, {
            ownerId: dave.id,
            columns: { ...VAULT.B, merchant_name: 'Late', total: '60.00' },
          });
        }
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen.join('')).toBe('DABCE');
      await queryDatabase(env.DATABASE_URL, `DELETE FROM receipts WHERE merchant_name = 'Late'`);
    });

    it('refuses an altered cursor, or one from other filters, with 400 INVALID_CURSOR', async () => {
      const first = await get('/v1/receipts?limit=1');
      const cursor = first.body.nextCursor as string;
      const [payload, signature] = cursor.split('.');
      const forged = Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(payload, 'base64url').toString()),
          p: { value: 'x', id: ids.A },
        }),
      ).toString('base64url');
      for (const bad of [`${forged}.${signature}`, 'garbage', `${payload}.`, `${cursor}x`]) {
        const res = await get(`/v1/receipts?limit=1&cursor=${encodeURIComponent(bad)}`);
        expect(res.status, bad).toBe(400);
        expect(res.body.code).toBe('INVALID_CURSOR');
      }
      const otherSort = await get(
        `/v1/receipts?sort=total&limit=1&cursor=${encodeURIComponent(cursor)}`,
      );
      expect(otherSort.status).toBe(400);
      expect((await refused(`page=2&cursor=${encodeURIComponent(cursor)}`)).details[0].field).toBe(
        'cursor',
      );
    });

    it('keeps the deprecated page/pageSize form', async () => {
      const second = await get('/v1/receipts?page=2&pageSize=2');
      expect(second.body).toMatchObject({ total: 5, totalExact: true, page: 2, pageSize: 2 });
      expect(second.body.items.map((r: { id: string }) => letterOf(r.id)).join('')).toBe('BA');
    });
  });

  describe('total', () => {
    it('counts exactly below 1,000 matches', async () => {
      const res = await get('/v1/receipts?limit=1&currency=EUR');
      expect(res.body).toMatchObject({ total: 3, totalExact: true });
      const next = await get(`/v1/receipts?limit=1&currency=EUR&cursor=${res.body.nextCursor}`);
      expect(next.body).toMatchObject({ total: 3, totalExact: true });
    });

    describe('at more than 1,000 matches', () => {
      // A third user with 1,001 receipts: copies of one seeded receipt, inserted in SQL.
      let frank: RegisteredUser;
      const list = (query: string) => get(`/v1/receipts?${query}`, frank.token);
      const seedFor = (columns: Record<string, unknown>) =>
        seedReceipt(env.DATABASE_URL, { ownerId: frank.id, columns });

      beforeAll(async () => {
        frank = await registerUser(api.baseUrl);
        const first = await seedFor({ created_at: '2025-01-01T00:00:00Z' });
        const copied = (
          await queryDatabase<{ column_name: string }>(
            env.DATABASE_URL,
            `SELECT column_name FROM information_schema.columns
              WHERE table_name = 'receipts' AND is_generated = 'NEVER'
                AND column_name NOT IN ('id', 'sha256', 'storage_key')`,
          )
        ).map((c) => c.column_name);
        await queryDatabase(
          env.DATABASE_URL,
          `INSERT INTO receipts (id, sha256, storage_key, ${copied.join(', ')})
           SELECT gen_random_uuid(), md5(g::text) || md5(g::text), owner_id || '/' || g, ${copied.join(', ')}
             FROM receipts, generate_series(1, 1000) g WHERE id = $1`,
          [first],
        );
      });

      it('gives a lower bound as total, unless includeTotal=true or the page form', async () => {
        const bounded = await list('limit=5');
        expect(bounded.status).toBe(200);
        expect(bounded.body).toMatchObject({ total: 1000, totalExact: false });
        expect(bounded.body.items).toHaveLength(5);
        expect((await list('limit=5&q=kettle')).body).toMatchObject({
          total: 1000,
          totalExact: false,
        });
        expect((await list('limit=5&q=kettle&sort=date')).body.totalExact).toBe(false);
        expect((await list('limit=5&includeTotal=true')).body).toMatchObject({
          total: 1001,
          totalExact: true,
        });
        expect((await list('limit=5&q=kettle&includeTotal=true')).body).toMatchObject({
          total: 1001,
          totalExact: true,
        });
        expect((await list('limit=5&includeTotal=false')).body.totalExact).toBe(false);
        expect((await list('page=3&pageSize=5')).body).toMatchObject({
          total: 1001,
          totalExact: true,
          page: 3,
        });
        // includeTotal belongs to neither the filters nor the cursor: pages go on either way.
        const next = await list(
          `limit=5&includeTotal=true&cursor=${encodeURIComponent(bounded.body.nextCursor)}`,
        );
        expect(next.status).toBe(200);
        expect(next.body).toMatchObject({ total: 1001, totalExact: true });
        expect(next.body.items[0].id).not.toBe(bounded.body.items[0].id);

        const refusedFlag = await list('includeTotal=maybe');
        expect(refusedFlag.status).toBe(422);
        expect(refusedFlag.body.details[0].field).toBe('includeTotal');
      });

      it('ranks only the newest 1,000 matches, and its cursor pages keep that window', async () => {
        // The best match of all, but older than the 1,000 newest: not ranked.
        const old = await seedFor({
          created_at: '2020-01-01T00:00:00Z',
          note: 'kettle kettle kettle',
        });
        // As good, and new: ranked first.
        const fresh = await seedFor({ note: 'kettle kettle kettle' });
        const first = await list('q=kettle&limit=100');
        expect(first.body.items[0].id).toBe(fresh);

        const seen = new Set<string>();
        let page = first;
        let arrivals = 0;
        for (;;) {
          for (const item of page.body.items as { id: string }[]) {
            expect(seen.has(item.id), 'a receipt listed twice').toBe(false);
            seen.add(item.id);
          }
          if (!page.body.nextCursor) break;
          if (arrivals < 3) {
            // New matches arrive between pages, and would push old ones out of a fresh window.
            await seedFor({ note: `kettle ${arrivals}` });
            arrivals += 1;
          }
          page = await list(
            `q=kettle&limit=100&cursor=${encodeURIComponent(page.body.nextCursor)}`,
          );
          expect(page.status).toBe(200);
        }
        // Every one of the first page's 1,000 candidates was listed, the old receipt never.
        const window = await queryDatabase<{ id: string }>(
          env.DATABASE_URL,
          `SELECT id FROM receipts WHERE owner_id = $1 AND created_at < now() - interval '1 minute'
            ORDER BY created_at DESC, id DESC LIMIT 999`,
          [frank.id],
        );
        expect(window.map((r) => r.id).filter((id) => !seen.has(id))).toEqual([]);
        expect(seen.has(old)).toBe(false);
        expect((await list('q=kettle&limit=5&includeTotal=true')).body.total).toBe(1006);
      });
    });
  });

  describe('stats', () => {
    const stats = async (query: string, token = dave.token) => {
      const res = await get(`/v1/receipts/stats?${query}`, token);
      expect(res.status, res.text).toBe(200);
      return res.body;
    };

    it('totals per currency, never across currencies, grouped by month with top merchants', async () => {
      const body = await stats('groupBy=month');
      expect(body.groupBy).toBe('month');
      expect(body.currencies.map((c: any) => c.currency)).toEqual(['EUR', 'GBP', null]);
      const [eur, gbp, none] = body.currencies;
      expect(eur).toMatchObject({
        count: 3,
        sumTotal: '125.50',
        sumTax: '20.08',
        averageTotal: '41.83',
      });
      expect(eur.groups).toEqual([
        { key: '2024-02', count: 1, sumTotal: '5.50', sumTax: '0.88', averageTotal: '5.50' },
        { key: '2024-03', count: 1, sumTotal: '50.00', sumTax: '8.00', averageTotal: '50.00' },
        { key: '2024-04', count: 1, sumTotal: '70.00', sumTax: '11.20', averageTotal: '70.00' },
      ]);
      // "Shell" and "SHELL" are one merchant, shown with one of its spellings.
      expect(
        eur.topMerchants.map((m: any) => [m.merchant.toLowerCase(), m.count, m.sumTotal]),
      ).toEqual([
        ['shell', 2, '120.00'],
        ['starbucks', 1, '5.50'],
      ]);
      expect(gbp).toMatchObject({ count: 1, sumTotal: '30.00' });
      expect(none).toMatchObject({ count: 1, sumTotal: null, averageTotal: null });
    });

    it.each([
      [
        'week',
        'EUR',
        [
          ['2024-W06', '5.50'],
          ['2024-W10', '50.00'],
          ['2024-W14', '70.00'],
        ],
      ],
      [
        'merchant',
        'EUR',
        [
          ['shell', '120.00'],
          ['starbucks', '5.50'],
        ],
      ],
      [
        'category',
        'EUR',
        [
          ['fuel', '120.00'],
          ['dining', '5.50'],
        ],
      ],
      [
        'tag',
        'EUR',
        [
          ['work', '55.50'],
          ['car', '50.00'],
        ],
      ],
    ])('groupBy=%s', async (groupBy, currency, expected) => {
      const body = await stats(`groupBy=${groupBy}`);
      const entry = body.currencies.find((c: any) => c.currency === currency);
      const lower = (key: string) => (groupBy === 'merchant' ? key.toLowerCase() : key);
      expect(entry.groups.map((g: any) => [lower(g.key), g.sumTotal])).toEqual(expected);
    });

    it('takes the search filters, and refuses bad ones', async () => {
      const body = await stats('from=2024-03-01&category=fuel');
      expect(body.currencies).toHaveLength(1);
      expect(body.currencies[0]).toMatchObject({ currency: 'EUR', count: 2, sumTotal: '120.00' });
      for (const query of ['groupBy=year', 'from=2024-05-01&to=2024-01-01', 'currency=XYZ']) {
        expect((await get(`/v1/receipts/stats?${query}`)).status, query).toBe(422);
      }
      const empty = await stats('', erin.token);
      expect(empty.currencies.map((c: any) => c.count)).toEqual([1]);
    });
  });
});
