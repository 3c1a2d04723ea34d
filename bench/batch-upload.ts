/**
 * Batch upload against single uploads (issue 10, item 6), on a running stack (`npm run dev`):
 *
 *   npm run bench:batch -- [--url http://localhost:3000] [--files 100]
 *                          [--file test/fixtures/receipts/uk-cafe.jpg] [--wait]
 *
 * Makes `--files` distinct copies of one receipt (random bytes after its end, so none is a
 * duplicate), uploads them once as that many single `POST /v1/receipts`, one after another, and
 * once as one `POST /v1/receipts/batch`, and prints each one's wall time to its last answer and
 * per file. With `--wait` it then follows the batch with GET /v1/batches/{id} until `done` and
 * prints how long processing took and the final counts (this needs the stack's worker; the
 * single uploads are queued too and are processed first).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchClient, sleep } from './lib/bench-client.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    files: { type: 'string', default: '100' },
    file: { type: 'string', default: 'test/fixtures/receipts/uk-cafe.jpg' },
    wait: { type: 'boolean', default: false },
  },
});

interface BatchAnswer {
  batchId: string;
  receipts: { id?: string; error?: { code: string } }[];
}
interface BatchState {
  done: boolean;
  counts: Record<string, number>;
}

const copies = (data: Buffer, n: number) =>
  Array.from({ length: n }, () => Buffer.concat([data, randomBytes(16)]));

async function main(): Promise<void> {
  const client = new BenchClient(values.url);
  const token = await client.newUser();
  const n = Number(values.files);
  const data = await readFile(values.file);
  const name = basename(values.file);

  const singles = copies(data, n);
  const singleStart = performance.now();
  for (const bytes of singles) {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const res = await client.json('/v1/receipts', { method: 'POST', body: form }, token);
    if (res.status !== 202) throw new Error(`single upload answered ${res.status}`);
  }
  const singleMs = performance.now() - singleStart;

  const form = new FormData();
  for (const bytes of copies(data, n)) form.append('file', new Blob([bytes]), name);
  const batchStart = performance.now();
  const batch = await client.json<BatchAnswer>(
    '/v1/receipts/batch',
    { method: 'POST', body: form },
    token,
  );
  const batchMs = performance.now() - batchStart;
  if (batch.status !== 202) throw new Error(`batch upload answered ${batch.status}`);
  const accepted = batch.body.receipts.filter((r) => r.id).length;

  const mb = (data.length * n) / 1024 / 1024;
  console.log(`${n} files of ${(data.length / 1024).toFixed(0)} KB (${mb.toFixed(1)} MB)`);
  console.log(
    `single uploads, one after another: ${singleMs.toFixed(0)} ms (${(singleMs / n).toFixed(1)} ms per file)`,
  );
  console.log(
    `one batch:                         ${batchMs.toFixed(0)} ms (${(batchMs / n).toFixed(1)} ms per file), ${accepted} accepted`,
  );

  if (!values.wait) return;
  const waitStart = performance.now();
  for (;;) {
    const state = await client.json<BatchState>(`/v1/batches/${batch.body.batchId}`, {}, token);
    if (state.body.done) {
      const seconds = (performance.now() - waitStart) / 1000;
      console.log(
        `batch done ${seconds.toFixed(1)} s after its answer: ${JSON.stringify(state.body.counts)}`,
      );
      return;
    }
    await sleep(500);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
