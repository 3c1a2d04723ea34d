import type { INestApplicationContext } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { createTestWorker } from '../utils/create-test-worker.js';
import { registerUser, TEST_PASSWORD, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';

const ROOT = join(import.meta.dirname, '../..');

/** Runs a program as a user would: its own Node process, output collected. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The generated client as its users meet it: the example program, run by plain Node (which
// strips the types), uploads a real receipt through the client and waits for its record.
describe('generated TypeScript client: examples/upload-and-wait.ts', () => {
  let api: TestApp;
  let worker: INestApplicationContext;
  let user: RegisteredUser;

  beforeAll(async () => {
    await useTestEnv();
    api = await createTestApp();
    worker = await createTestWorker();
    user = await registerUser(api.baseUrl);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('uploads a receipt and prints its typed record once processed', async () => {
    const result = await run([
      'examples/upload-and-wait.ts',
      '--url',
      api.baseUrl,
      '--email',
      user.email,
      '--password',
      TEST_PASSWORD,
      'test/fixtures/receipts/uk-cafe.jpg',
    ]);
    expect(result.stderr).toMatch(/Uploaded uk-cafe\.jpg: receipt [0-9a-f-]{36} is queued/);
    expect(result.code, result.stderr).toBe(0);

    const receipt = JSON.parse(result.stdout);
    expect(['completed', 'needs_review']).toContain(receipt.status);
    expect(receipt.filename).toBe('uk-cafe.jpg');
    expect(receipt.record.total).toMatchObject({
      value: '15.88',
      confidence: expect.any(Number),
      source: { line: expect.any(Number), text: expect.stringMatching(/TOTAL/), page: 1 },
    });
    const box = receipt.record.total.source.box;
    expect(box.x1).toBeGreaterThan(box.x0);
    expect(box.y1).toBeGreaterThan(box.y0);
    expect(receipt.record.lineItems.length).toBeGreaterThan(0);
    expect(receipt.timings.totalMs).toBeGreaterThan(0);
  });

  it('exits 1 with the API’s error code when the upload is refused', async () => {
    const result = await run([
      'examples/upload-and-wait.ts',
      '--url',
      api.baseUrl,
      '--token',
      user.token,
      'test/fixtures/bad/page.html',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('UNSUPPORTED_MEDIA_TYPE');
  });
});
