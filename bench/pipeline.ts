/**
 * End-to-end speed of a running stack (e.g. `npm run dev`): upload → completed.
 *
 *   npm run bench:pipeline -- [--url http://localhost:3000] [--dataset ../shared/datasets/sroie-train]
 *                             [--latency 10] [--throughput 50]
 *
 * Latency: receipts uploaded one at a time on an otherwise idle stack, the time from the upload
 * request to the receipt being finished (median and p95). Throughput: N receipts uploaded at
 * once, finished receipts per minute. Every run registers a fresh user, so earlier uploads of
 * the same files are not answered as duplicates.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const TERMINAL = new Set(['completed', 'needs_review', 'failed']);

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    dataset: { type: 'string', default: '../shared/datasets/sroie-train' },
    latency: { type: 'string', default: '10' },
    throughput: { type: 'string', default: '50' },
  },
});

const base = values.url.replace(/\/$/, '');

async function json<T>(
  path: string,
  init: RequestInit = {},
  token?: string,
): Promise<{ status: number; body: T }> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  const res = await fetch(`${base}${path}`, { ...init, headers });
  return { status: res.status, body: (await res.json()) as T };
}

async function newUser(): Promise<string> {
  const credentials = {
    email: `bench-${randomUUID()}@example.com`,
    password: 'benchmark password 123',
  };
  const post = (path: string) =>
    json<{ accessToken: string }>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
  await post('/v1/auth/register');
  const login = await post('/v1/auth/login');
  if (login.status !== 200)
    throw new Error(`login failed (${login.status}); is the stack running at ${base}?`);
  return login.body.accessToken;
}

async function upload(token: string, file: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([await readFile(file)]), basename(file));
  const res = await json<{ id: string }>('/v1/receipts', { method: 'POST', body: form }, token);
  if (res.status !== 202) throw new Error(`upload of ${file} answered ${res.status}`);
  return res.body.id;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFinished(token: string, id: string): Promise<string> {
  for (;;) {
    const res = await json<{ status: string }>(`/v1/receipts/${id}`, {}, token);
    if (TERMINAL.has(res.body.status)) return res.body.status;
    await sleep(50);
  }
}

/**
 * Waits for a whole batch with one list request per half second: polling every receipt would
 * make this client compete with the worker for the same two cores.
 */
async function waitAllFinished(token: string, count: number): Promise<Record<string, number>> {
  for (;;) {
    const page = await json<{ items: { status: string }[] }>(
      `/v1/receipts?pageSize=100`,
      {},
      token,
    );
    const finished = page.body.items.filter((r) => TERMINAL.has(r.status));
    if (finished.length >= count) {
      return finished.reduce<Record<string, number>>(
        (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
        {},
      );
    }
    await sleep(500);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const imgDir = join(resolve(values.dataset), 'img');
  const files = (await readdir(imgDir))
    .filter((f) => f.endsWith('.jpg'))
    .sort()
    .map((f) => join(imgDir, f));
  const latencyRuns = Number(values.latency);
  const throughputRuns = Number(values.throughput);
  if (files.length < latencyRuns + throughputRuns)
    throw new Error(`need ${latencyRuns + throughputRuns} images in ${imgDir}`);

  const latencyToken = await newUser();
  const durations: number[] = [];
  for (const file of files.slice(0, latencyRuns)) {
    const started = performance.now();
    await waitFinished(latencyToken, await upload(latencyToken, file));
    durations.push((performance.now() - started) / 1000);
  }
  durations.sort((a, b) => a - b);
  if (latencyRuns > 0)
    console.log(
      `latency over ${latencyRuns} receipts, one at a time: median ${percentile(durations, 50).toFixed(2)} s, p95 ${percentile(durations, 95).toFixed(2)} s`,
    );

  if (throughputRuns === 0) return;
  // A user of its own, so the list holds exactly this batch.
  const token = await newUser();
  const batch = files.slice(latencyRuns, latencyRuns + throughputRuns);
  const started = performance.now();
  await Promise.all(batch.map((file) => upload(token, file)));
  const counts = await waitAllFinished(token, batch.length);
  const minutes = (performance.now() - started) / 60_000;
  console.log(
    `throughput over ${throughputRuns} receipts uploaded at once: ${(throughputRuns / minutes).toFixed(1)} receipts/min ` +
      `(${(minutes * 60).toFixed(1)} s in all; ${JSON.stringify(counts)})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
