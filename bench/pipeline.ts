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
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchClient, percentile, sleep, TERMINAL } from './lib/bench-client.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    dataset: { type: 'string', default: '../shared/datasets/sroie-train' },
    latency: { type: 'string', default: '10' },
    throughput: { type: 'string', default: '50' },
  },
});

const client = new BenchClient(values.url);

/**
 * Waits for a whole batch with one list request per half second: polling every receipt would
 * make this client compete with the worker for the same two cores.
 */
async function waitAllFinished(token: string, count: number): Promise<Record<string, number>> {
  for (;;) {
    const page = await client.json<{ items: { status: string }[] }>(
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

  const latencyToken = await client.newUser();
  const durations: number[] = [];
  for (const file of files.slice(0, latencyRuns)) {
    const started = performance.now();
    await client.waitFinished(latencyToken, await client.upload(latencyToken, file));
    durations.push((performance.now() - started) / 1000);
  }
  durations.sort((a, b) => a - b);
  if (latencyRuns > 0)
    console.log(
      `latency over ${latencyRuns} receipts, one at a time: median ${percentile(durations, 50).toFixed(2)} s, p95 ${percentile(durations, 95).toFixed(2)} s`,
    );

  if (throughputRuns === 0) return;
  // A user of its own, so the list holds exactly this batch.
  const token = await client.newUser();
  const batch = files.slice(latencyRuns, latencyRuns + throughputRuns);
  const started = performance.now();
  await Promise.all(batch.map((file) => client.upload(token, file)));
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
