/**
 * Scaling out, measured (issue 11.7). Starts its own PostgreSQL, Redis and API (built code, as
 * in production) and then, in one run:
 *
 * 1. throughput with 1 and then 2 worker processes (concurrency 1, one recogniser each) on the
 *    same receipts: receipts per minute and the ratio;
 * 2. authenticated cached `GET /v1/receipts/{id}` against `GET /health/live` (req/s ratio, p99)
 *    at 50 connections, with tracing off and then on (an API restarted with OTEL_ENABLED=true,
 *    exporting to a local OTLP sink), so the cost of tracing is a ratio from the same run;
 * 3. upload latency for 1 MB files at 20 concurrent (p50, p99);
 * 4. the API's resident memory while one 20 MB upload streams in.
 *
 * Also boot times (spawn → live) and peak RSS of API and workers: the figures behind the
 * Kubernetes probes and resources. The CPU may be shared: compare ratios, not absolutes.
 *
 *   npm run bench:scale -- [--dataset ../shared/datasets/sroie-train] [--receipts 60]
 *                          [--seconds 10] [--only http|workers] [--api-cpu-prof DIR] [--api-node-options=FLAGS]
 *                          [--workers 1,2] [--engines ppocr,tesseract]
 *
 * `--only http` skips the worker throughput (step 1), `--only workers` runs only it.
 * `--workers` lists the worker counts step 1 runs (default 1 then 2); `--engines` sets the
 * workers' OCR_ENGINES (default: the configured default). Step 1 also samples each worker's
 * process tree (the worker, its tesseract.js thread, its PP-OCR child) every 250 ms: resident
 * memory idle after boot, under load (median, peak) and idle after the batch, as RSS summed over
 * the processes and as PSS (shared pages counted once).
 * `--api-cpu-prof DIR` starts the API with `--cpu-prof` (one .cpuprofile per API process).
 * `--api-node-options="…"` adds Node flags to the API only (e.g. a heap limit, to size its memory).
 * Each HTTP step also prints the Redis commands and PostgreSQL transactions per request (from
 * Redis INFO and pg_stat_database, before and after), i.e. the round trips it costs.
 */
import autocannon from 'autocannon';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { BenchClient } from './lib/bench-client.js';
import { cpuSnapshot, cpuUsage, formatCpuUsage } from './lib/cpu-accounting.js';
import { memoryOf, treeMemory } from './lib/process-tree.js';

interface Handle {
  url: string;
  teardown(): Promise<void>;
}
interface PostgresHandle {
  url(database: string): string;
  ensureDatabase(name: string): Promise<boolean>;
  teardown(): Promise<void>;
}

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: '../shared/datasets/sroie-train' },
    receipts: { type: 'string', default: '60' },
    seconds: { type: 'string', default: '10' },
    only: { type: 'string' },
    workers: { type: 'string', default: '1,2' },
    engines: { type: 'string' },
    'api-cpu-prof': { type: 'string' },
    'api-node-options': { type: 'string' },
  },
});
if (values.only !== undefined && !['http', 'workers'].includes(values.only)) {
  throw new Error('--only takes http or workers');
}
const RUN_WORKERS = values.only !== 'http';
const RUN_HTTP = values.only !== 'workers';
const RECEIPTS = Number(values.receipts);
const SECONDS = Number(values.seconds);
const WORKER_COUNTS = values.workers.split(',').map(Number);
if (WORKER_COUNTS.some((n) => !Number.isInteger(n) || n < 1)) {
  throw new Error('--workers takes worker counts, e.g. 1,2');
}
const TERMINAL = "('completed', 'needs_review', 'failed')";

/** The repository root, from dist/bench or bench alike. */
function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}
const ROOT = findRoot(import.meta.dirname);
const scriptLib = (name: string) => import(pathToFileURL(join(ROOT, 'scripts/lib', name)).href);

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

interface App {
  child: ChildProcess;
  bootMs: number;
  stop(): Promise<void>;
}

async function startProcess(
  script: string,
  env: Record<string, string>,
  isUp: () => Promise<boolean>,
  nodeArgs: string[] = [],
): Promise<App> {
  const started = Date.now();
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist/src', script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (await isUp().catch(() => false)) break;
    if (Date.now() - started > 60_000) throw new Error(`${script} did not come up in 60 s`);
    await sleep(20);
  }
  return {
    child,
    bootMs: Date.now() - started,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const liveAt = (url: string) => async () => (await fetch(url)).ok;

async function api<T = unknown>(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A fresh user (so no upload is a duplicate of an earlier run's), logged in. */
function newUser(base: string): Promise<string> {
  return new BenchClient(base).newUser();
}

function multipart(
  data: Buffer | Readable,
  length: number,
): { body: Buffer | Readable; headers: Record<string, string> } {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="receipt.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const headers = {
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'content-length': String(head.length + length + tail.length),
  };
  if (Buffer.isBuffer(data)) return { body: Buffer.concat([head, data, tail]), headers };
  async function* parts() {
    yield head;
    for await (const chunk of data) yield chunk as Buffer;
    yield tail;
  }
  return { body: Readable.from(parts()), headers };
}

async function upload(
  base: string,
  token: string,
  data: Buffer,
): Promise<{ status: number; ms: number; id?: string }> {
  const { body, headers } = multipart(data, data.length);
  const started = performance.now();
  const res = await fetch(`${base}/v1/receipts`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${token}` },
    body: body as Buffer,
  });
  const json = (await res.json()) as { id?: string };
  return { status: res.status, ms: performance.now() - started, id: json.id };
}

/** A real receipt padded after its end marker to `size` bytes; unique bytes each call. */
function padded(image: Buffer, size: number): Buffer {
  const pad = Buffer.alloc(Math.max(0, size - image.length));
  randomBytes(32).copy(pad);
  return Buffer.concat([image, pad]);
}

async function loadReceipts(n: number): Promise<Buffer[]> {
  const dir = join(resolve(values.dataset), 'img');
  const files = (await readdir(dir))
    .filter((f) => f.endsWith('.jpg'))
    .sort()
    .slice(0, n);
  if (files.length < n) throw new Error(`need ${n} images in ${dir}`);
  return Promise.all(files.map((f) => readFile(join(dir, f))));
}

async function measureThroughput(
  base: string,
  apiPid: number,
  adminToken: string,
  db: pg.Client,
  workerEnv: Record<string, string>,
  workers: number,
  images: Buffer[],
) {
  const token = await newUser(base);
  const me = await api<{ id: string }>(base, 'GET', '/v1/me', token);
  const procs: App[] = [];
  const metricsPorts: number[] = [];
  for (let i = 0; i < workers; i++) {
    const port = await freePort();
    const env = { ...workerEnv, METRICS_PORT: String(port) };
    procs.push(await startProcess('worker.js', env, liveAt(`http://127.0.0.1:${port}/live`)));
    metricsPorts.push(port);
  }
  const roles = new Map(procs.map((p, i) => [p.child.pid!, `worker ${i + 1}`]));
  roles.set(apiPid, 'api');
  // Uploads go in while the queue is paused, so every worker starts on a full queue together.
  await api(base, 'POST', '/v1/admin/queues/receipts/pause', adminToken);
  for (const image of images) {
    const res = await upload(base, token, image);
    if (res.status !== 202) throw new Error(`upload: ${res.status}`);
  }
  const idleMemory = procs.map((p) => treeMemory(p.child.pid!));
  const samples = new TreeSamples(procs.map((p) => p.child.pid!));
  const started = Date.now();
  const cpuBefore = cpuSnapshot(roles);
  await api(base, 'POST', '/v1/admin/queues/receipts/resume', adminToken);
  for (;;) {
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM receipts WHERE owner_id = $1 AND status IN ${TERMINAL}`,
      [me.body.id],
    );
    if (Number(rows[0].n) >= images.length) break;
    await sleep(100);
  }
  const seconds = (Date.now() - started) / 1000;
  const cpu = cpuUsage(cpuBefore, cpuSnapshot(roles));
  samples.stop();
  // Engines stay alive between jobs: this is what a worker holds while it waits for work.
  await sleep(2000);
  const afterMemory = procs.map((p) => treeMemory(p.child.pid!));
  const { rows: statuses } = await db.query<{ status: string; n: string }>(
    'SELECT status, count(*) AS n FROM receipts WHERE owner_id = $1 GROUP BY status ORDER BY status',
    [me.body.id],
  );
  const perWorker = await Promise.all(
    metricsPorts.map((port) => workerFigures(port, workerEnv.METRICS_TOKEN)),
  );
  const peaks = procs.map((p) => memoryOf(p.child.pid!).peakMb);
  const boots = procs.map((p) => p.bootMs);
  await Promise.all(procs.map((p) => p.stop()));
  await db.end();
  return {
    workers,
    seconds,
    perMinute: (images.length / seconds) * 60,
    peaks,
    boots,
    cpu,
    perWorker,
    trees: procs.map((_, i) => ({
      idle: idleMemory[i],
      load: samples.summary(i),
      after: afterMemory[i],
    })),
    statuses: statuses.map((r) => `${r.status} ${r.n}`).join(', '),
  };
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

/** Resident memory of each worker's process tree, sampled every 250 ms while a batch runs. */
class TreeSamples {
  private readonly rss: number[][];
  private readonly pss: number[][];
  private maxProcesses = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pids: number[]) {
    this.rss = pids.map(() => []);
    this.pss = pids.map(() => []);
    this.take();
    this.timer = setInterval(() => this.take(), 250);
  }

  stop(): void {
    clearInterval(this.timer);
    this.take();
  }

  /** Median and peak of one worker's tree (MB), and the most processes it had at once. */
  summary(index: number) {
    const stats = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { medianMb: mb(percentile(sorted, 50)), peakMb: mb(sorted[sorted.length - 1]) };
    };
    return {
      rss: stats(this.rss[index]),
      pss: stats(this.pss[index]),
      samples: this.rss[index].length,
      maxProcesses: this.maxProcesses,
    };
  }

  private take(): void {
    this.pids.forEach((pid, i) => {
      const memory = treeMemory(pid);
      this.rss[i].push(memory.rssBytes);
      this.pss[i].push(memory.pssBytes);
      this.maxProcesses = Math.max(this.maxProcesses, memory.processes);
    });
  }
}

/** Receipts a worker finished and its seconds per stage, from its own /metrics. */
async function workerFigures(port: number, token: string) {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await res.text();
  const sum = (pattern: RegExp) =>
    [...text.matchAll(pattern)].reduce((total, match) => total + Number(match[1]), 0);
  const stage = (name: string) =>
    sum(
      new RegExp(`^rv_receipt_stage_duration_seconds_sum\\{stage="${name}"[^}]*\\} (\\S+)$`, 'gm'),
    );
  return {
    jobs: sum(/^rv_receipt_jobs_finished_total\{[^}]*\} (\S+)$/gm),
    preparing: stage('preparing'),
    reading: stage('reading'),
    extracting: stage('extracting'),
    saving: stage('saving'),
  };
}

function printThroughput(run: Awaited<ReturnType<typeof measureThroughput>>, receipts: number) {
  const label = run.workers === 1 ? '1 worker ' : `${run.workers} workers`;
  console.log(`  ${label}: ${run.seconds.toFixed(1)} s, ${run.perMinute.toFixed(1)} receipts/min`);
  run.perWorker.forEach((w, i) =>
    console.log(
      `    worker ${i + 1}: ${w.jobs} receipts; stage s preparing ${w.preparing.toFixed(1)}, reading ${w.reading.toFixed(1)}, extracting ${w.extracting.toFixed(1)}, saving ${w.saving.toFixed(1)}`,
    ),
  );
  for (const line of formatCpuUsage(run.cpu, receipts)) console.log(line);
  console.log(`    receipts: ${run.statuses}`);
  run.trees.forEach((tree, i) =>
    console.log(
      `    worker ${i + 1} tree memory (RSS / PSS MB): idle after boot ${mb(tree.idle.rssBytes)} / ${mb(tree.idle.pssBytes)}; ` +
        `under load median ${tree.load.rss.medianMb} / ${tree.load.pss.medianMb}, peak ${tree.load.rss.peakMb} / ${tree.load.pss.peakMb} ` +
        `(${tree.load.samples} samples, up to ${tree.load.maxProcesses} processes); ` +
        `idle after the batch ${mb(tree.after.rssBytes)} / ${mb(tree.after.pssBytes)}`,
    ),
  );
}

async function cannon(url: string, token?: string) {
  const result = await autocannon({
    url,
    connections: 50,
    duration: SECONDS,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  // Counted, not fatal: on a saturated machine a few requests time out or see a 503.
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
}

/** Accepts OTLP/HTTP exports and drops them: a collector that costs the API nothing. */
function startOtlpSink(): Promise<{ server: Server; url: string }> {
  return new Promise((resolveSink) => {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolveSink({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}

/** The API, with `--cpu-prof` when asked (the profile is written when it exits). */
function startApi(env: Record<string, string>): Promise<App> {
  const dir = values['api-cpu-prof'];
  const args = dir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(dir)}`] : [];
  args.push(...(values['api-node-options']?.split(' ').filter(Boolean) ?? []));
  return startProcess('main.js', env, liveAt(`http://127.0.0.1:${env.PORT}/health/live`), args);
}

/**
 * Counts what a request costs in round trips: Redis commands (INFO's
 * total_commands_processed) and PostgreSQL transactions (pg_stat_database; every statement
 * outside a transaction is one), before and after `n` sequential requests.
 */
class RoundTrips {
  private constructor(
    private readonly redis: Redis,
    private readonly db: pg.Client,
  ) {}

  static async connect(env: Record<string, string>): Promise<RoundTrips> {
    return new RoundTrips(new Redis(env.REDIS_URL), await connect(env));
  }

  private async snapshot(withPostgres: boolean): Promise<{ redis: number; pg: number }> {
    const info = await this.redis.info('stats');
    const redis = Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? NaN);
    if (!withPostgres) return { redis, pg: NaN };
    // A backend reports its counters once idle for up to 10 s (PGSTAT_IDLE_INTERVAL).
    await sleep(10_500);
    const { rows } = await this.db.query<{ n: string }>(
      'SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return { redis, pg: Number(rows[0].n) };
  }

  async per(n: number, request: () => Promise<unknown>, withPostgres = true): Promise<string> {
    const before = await this.snapshot(withPostgres);
    for (let i = 0; i < n; i++) await request();
    const after = await this.snapshot(withPostgres);
    // The snapshots' own INFO and SELECT (one each) are left out.
    const redis = (after.redis - before.redis - 1) / n;
    const pgx = (after.pg - before.pg - 1) / n;
    const pgText = withPostgres ? `, ${pgx.toFixed(1)} PostgreSQL transactions` : '';
    return `${redis.toFixed(1)} Redis commands${pgText} per request`;
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    await this.db.end();
  }
}

/** Uploads `total` 1 MB receipts, `concurrency` at a time; latencies sorted, refusals counted. */
async function uploadMany(
  base: string,
  token: string,
  image: Buffer,
  total: number,
  concurrency: number,
): Promise<{ latencies: number[]; refused: number; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  // Counted, not fatal: a saturated machine can make the queue time out (503).
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const res = await upload(base, token, padded(image, 1_000_000));
        if (res.status === 202) latencies.push(res.ms);
        else refused++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, refused, seconds: (performance.now() - started) / 1000 };
}

/**
 * The floor for the upload step on this machine: a bare `node:http` server in its own
 * process that only streams each 1 MB body through SHA-256 into a file and answers 202 — no
 * multipart parsing, auth, database or queue — driven by the same client.
 */
async function uploadFloor(image: Buffer, dir: string): Promise<string> {
  const port = await freePort();
  const code = `
    const { createServer } = require('node:http');
    const { createHash, randomUUID } = require('node:crypto');
    const { createWriteStream } = require('node:fs');
    createServer((req, res) => {
      const hash = createHash('sha256');
      const out = createWriteStream(${JSON.stringify(dir)} + '/' + randomUUID());
      req.on('data', (c) => hash.update(c));
      req.pipe(out).on('finish', () => res.writeHead(202).end(JSON.stringify({ id: hash.digest('hex') })));
    }).listen(${port}, '127.0.0.1', () => console.log('up'));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((r) => child.stdout.once('data', r));
  const base = `http://127.0.0.1:${port}`;
  const alone = await uploadMany(base, '', image, 50, 1);
  const crowd = await uploadMany(base, '', image, 200, 20);
  child.kill();
  return (
    `1 at a time p50 ${percentile(alone.latencies, 50).toFixed(1)} ms; ` +
    `20 concurrent p50 ${percentile(crowd.latencies, 50).toFixed(1)} ms, p99 ${percentile(crowd.latencies, 99).toFixed(1)} ms, ` +
    `${(200 / crowd.seconds).toFixed(0)} uploads/s`
  );
}

const errors = (r: { non2xx: number }) => (r.non2xx ? `, ${r.non2xx} non-2xx` : '');

/**
 * Steps 2–4 plus the tracing cost. Returns the API process still running (restarted with
 * tracing on), for the caller's teardown.
 */
async function measureHttp(
  base: string,
  env: Record<string, string>,
  workerEnv: Record<string, string>,
  images: Buffer[],
  apiProc: App,
  counter: RoundTrips,
  sinkUrl: string,
): Promise<App> {
  // A finished receipt, read once so the cache holds it.
  const reader = await newUser(base);
  const first = await upload(base, reader, images[0]);
  const readUrl = `${base}/v1/receipts/${first.id}`;
  const readerPort = await freePort();
  const pending = await startProcess(
    'worker.js',
    { ...workerEnv, METRICS_PORT: String(readerPort) },
    liveAt(`http://127.0.0.1:${readerPort}/live`),
  );
  for (;;) {
    const r = await api<{ status: string }>(base, 'GET', `/v1/receipts/${first.id}`, reader);
    if (['completed', 'needs_review', 'failed'].includes(r.body.status)) break;
    await sleep(100);
  }
  await pending.stop();

  console.log(`HTTP: 50 connections, ${SECONDS} s each`);
  const live = await cannon(`${base}/health/live`);
  const cached = await cannon(readUrl, reader);
  console.log(
    `  GET /health/live          ${live.rps.toFixed(0)} req/s, p99 ${live.p99} ms${errors(live)}`,
  );
  console.log(
    `  GET /v1/receipts/{id}     ${cached.rps.toFixed(0)} req/s, p99 ${cached.p99} ms${errors(cached)}`,
  );
  console.log(`  ratio cached GET / live:  ${(cached.rps / live.rps).toFixed(2)}`);
  const auth = { authorization: `Bearer ${reader}` };
  console.log(
    `  cached GET: ${await counter.per(200, () => fetch(readUrl, { headers: auth }).then((r) => r.text()))}`,
  );

  console.log('uploads: 1 MB, 20 concurrent, 200 requests');
  const crowd = await uploadMany(base, reader, images[1], 200, 20);
  const p = (q: number) => percentile(crowd.latencies, q).toFixed(1);
  console.log(
    `  p50 ${p(50)} ms, p99 ${p(99)} ms, ${(200 / crowd.seconds).toFixed(0)} uploads/s, ${crowd.refused} not accepted`,
  );
  const alone = await uploadMany(base, reader, images[1], 50, 1);
  console.log(
    `  one at a time (50): p50 ${percentile(alone.latencies, 50).toFixed(1)} ms, p99 ${percentile(alone.latencies, 99).toFixed(1)} ms`,
  );
  console.log(
    `  upload: ${await counter.per(20, () => upload(base, reader, padded(images[1], 1_000_000)))}`,
  );
  const floorDir = mkdtempSync(join(tmpdir(), 'rv-bench-floor-'));
  try {
    console.log(
      `  floor (bare node:http, SHA-256 + file): ${await uploadFloor(images[1], floorDir)}`,
    );
  } finally {
    await rm(floorDir, { recursive: true, force: true });
  }

  console.log('API memory while one 20 MB upload streams in (about 4 s)');
  const before = memoryOf(apiProc.child.pid!).rssMb;
  const big = padded(images[2], 20 * 1024 * 1024 - 4096);
  async function* slowly() {
    for (let i = 0; i < big.length; i += 256 * 1024) {
      yield big.subarray(i, i + 256 * 1024);
      await sleep(50);
    }
  }
  let maxDuring = before;
  const sampler = setInterval(() => {
    maxDuring = Math.max(maxDuring, memoryOf(apiProc.child.pid!).rssMb);
  }, 50);
  const { body, headers } = multipart(Readable.from(slowly()), big.length);
  const bigRes = await fetch(`${base}/v1/receipts`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${reader}` },
    // A stream body: Node's fetch sends it as it is produced.
    body: Readable.toWeb(body as Readable) as ReadableStream,
    duplex: 'half',
  });
  clearInterval(sampler);
  console.log(
    `  status ${bigRes.status}; RSS before ${before.toFixed(0)} MB, max during ${maxDuring.toFixed(0)} MB (+${(maxDuring - before).toFixed(0)} MB)`,
  );

  console.log(`  API peak RSS ${memoryOf(apiProc.child.pid!).peakMb.toFixed(0)} MB`);
  await apiProc.stop();
  console.log(
    `tracing cost: API restarted with OTEL_ENABLED=true, spans sent to a local OTLP sink`,
  );
  const traced = await startApi({
    ...env,
    OTEL_ENABLED: 'true',
    OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl,
  });
  // The same pair again, now traced: live shows the cost on the cheapest route.
  const tracedLive = await cannon(`${base}/health/live`);
  const tracedRead = await cannon(readUrl, reader);
  console.log(
    `  GET /health/live          ${tracedLive.rps.toFixed(0)} req/s, p99 ${tracedLive.p99} ms (tracing on)${errors(tracedLive)}`,
  );
  console.log(
    `  GET /v1/receipts/{id}     ${tracedRead.rps.toFixed(0)} req/s, p99 ${tracedRead.p99} ms (tracing on)${errors(tracedRead)}`,
  );
  console.log(`  ratio tracing on / off:   ${(tracedRead.rps / cached.rps).toFixed(2)}`);
  console.log(
    `  cached GET traced: ${await counter.per(200, () => fetch(readUrl, { headers: auth }).then((r) => r.text()), false)}`,
  );
  return traced;
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/src/main.js'))) throw new Error('run `npm run build` first');
  const images = await loadReceipts(RECEIPTS);
  const { startPostgres } = (await scriptLib('postgres.mjs')) as {
    startPostgres(): Promise<PostgresHandle>;
  };
  const { startRedis } = (await scriptLib('redis.mjs')) as { startRedis(): Promise<Handle> };
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const storage = mkdtempSync(join(tmpdir(), 'rv-bench-storage-'));
  const sink = await startOtlpSink();
  const stops: (() => Promise<unknown>)[] = [
    () => rm(storage, { recursive: true, force: true }),
    () => postgres.teardown(),
    () => redis.teardown(),
    () => new Promise((r) => sink.server.close(r)),
  ];
  try {
    await postgres.ensureDatabase('receipt_vault_bench');
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      DATABASE_URL: postgres.url('receipt_vault_bench'),
      REDIS_URL: redis.url,
      JWT_SECRET: randomBytes(48).toString('base64'),
      STORAGE_DIR: storage,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      METRICS_TOKEN: randomBytes(24).toString('hex'),
      // One login per phase; the brute-force limiter is not what is measured.
      THROTTLE_AUTH_LIMIT: '1000',
    };
    const migrate = spawn(
      process.execPath,
      [join(ROOT, 'dist/src/database/migration-cli.js'), 'run'],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: 'inherit',
      },
    );
    await new Promise((r) => migrate.once('exit', r));

    const base = `http://127.0.0.1:${env.PORT}`;
    let apiProc = await startApi(env);
    stops.unshift(() => apiProc.stop());
    const idleApiMb = memoryOf(apiProc.child.pid!).rssMb;
    const apiBoot = apiProc.bootMs;
    // The first account is the admin: it pauses and resumes the queue around each batch.
    const admin = await newUser(base);

    const workerEnv: Record<string, string> = {
      ...env,
      WORKER_CONCURRENCY: '1',
      OCR_POOL_SIZE: '1',
      ...(values.engines ? { OCR_ENGINES: values.engines } : {}),
    };
    const workerRuns: Awaited<ReturnType<typeof measureThroughput>>[] = [];
    if (RUN_WORKERS) {
      console.log(
        `throughput: ${images.length} receipts, ${WORKER_COUNTS.join(' then ')} worker(s) (concurrency 1, engines ${workerEnv.OCR_ENGINES ?? 'default'})`,
      );
      const apiPid = apiProc.child.pid!;
      const throughput = async (workers: number) => {
        const db = await connect(env);
        const run = await measureThroughput(base, apiPid, admin, db, workerEnv, workers, images);
        printThroughput(run, images.length);
        return run;
      };
      for (const count of WORKER_COUNTS) workerRuns.push(await throughput(count));
      const [one, two] = [1, 2].map((n) => workerRuns.find((r) => r.workers === n));
      if (one && two) console.log(`  ratio 2/1: ${(two.perMinute / one.perMinute).toFixed(2)}x`);
    }

    if (RUN_HTTP) {
      const counter = await RoundTrips.connect(env);
      stops.unshift(() => counter.close());
      const stopApi = await measureHttp(base, env, workerEnv, images, apiProc, counter, sink.url);
      apiProc = stopApi;
    }

    console.log('boot and memory');
    console.log(`  API: boot ${apiBoot} ms, idle RSS ${idleApiMb.toFixed(0)} MB`);
    if (workerRuns.length) {
      console.log(
        `  worker: boot ${workerRuns.flatMap((r) => r.boots).join(', ')} ms, peak RSS of the worker process alone ${workerRuns
          .flatMap((r) => r.peaks)
          .map((p) => p.toFixed(0))
          .join(', ')} MB`,
      );
    }
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

async function connect(env: Record<string, string>): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  return client;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
