/**
 * Request rate of the authenticated read path against the cheapest route, in one run, so the
 * ratio holds on a shared, noisy machine (issue 8, defect 12).
 *
 *   npm run bench:http -- [--url http://localhost:3000] [--connections 50] [--seconds 5]
 *                         [--rounds 3] [--file test/fixtures/receipts/uk-cafe.jpg]
 *
 * Registers a fresh user, uploads one receipt and waits until it is finished (so its GET is
 * served from the cache), then measures with autocannon, one route after another:
 * `GET /health/live` (no auth, no I/O), `GET /v1/receipts/{id}` (auth + cached read) and
 * `GET /v1/me` (auth only). The routes take turns for several rounds, so a burst of load from
 * elsewhere hits all of them alike; prints each route's median req/s, p50/p99 latency and the
 * median of its per-round ratios to the probe.
 */
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { BenchClient } from './lib/bench-client.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    file: { type: 'string', default: 'test/fixtures/receipts/uk-cafe.jpg' },
  },
});

interface Figures {
  route: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function measure(client: BenchClient, route: string, token: string): Promise<Figures> {
  const result = await autocannon({
    url: `${client.base}${route}`,
    connections: Number(values.connections),
    duration: Number(values.seconds),
    // The probe gets the header too (it ignores it), so both send the same bytes.
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    route,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

async function main(): Promise<void> {
  const client = new BenchClient(values.url);
  const token = await client.newUser();
  const id = await client.upload(token, values.file);
  const status = await client.waitFinished(token, id);
  // One read so the finished receipt is in the cache before the timed run.
  await client.json(`/v1/receipts/${id}`, {}, token);

  const routes = ['/health/live', `/v1/receipts/${id}`, '/v1/me'];
  const rounds: Figures[][] = [];
  for (let round = 0; round < Number(values.rounds); round += 1) {
    const row: Figures[] = [];
    for (const route of routes) row.push(await measure(client, route, token));
    rounds.push(row);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(
    `${values.connections} connections, ${values.rounds} rounds of ${values.seconds} s per route, ` +
      `receipt ${status}; ratio = req/s ÷ req/s of /health/live in the same round (median)`,
  );
  routes.forEach((route, i) => {
    const figures = rounds.map((row) => row[i]);
    const ratio = median(rounds.map((row) => row[i].requestsPerSecond / row[0].requestsPerSecond));
    const failed = figures.reduce((sum, f) => sum + f.non2xx, 0);
    console.log(
      `${route.replace(id, '{id}').padEnd(22)} ` +
        `${median(figures.map((f) => f.requestsPerSecond))
          .toFixed(0)
          .padStart(6)} req/s  ` +
        `p50 ${String(median(figures.map((f) => f.p50))).padStart(4)} ms  ` +
        `p99 ${String(median(figures.map((f) => f.p99))).padStart(4)} ms  ratio ${ratio.toFixed(2)}` +
        (failed ? `  (${failed} non-2xx or errors!)` : ''),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
