import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMultipart } from '../utils/build-multipart.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { registerUser } from '../utils/register-user.js';
import { spawnWorkerProcess, type WorkerProcess } from '../utils/spawn-worker-process.js';
import { useTestEnv } from '../utils/test-env.js';
import { waitForReceipt } from '../utils/wait-for-receipt.js';

const JPEG = readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.jpg'));

// Issue 8, defect 10: the request id of an upload travels in the job, so the worker's log
// lines about that receipt can be joined with the request that caused them.
describe('request id in the worker log', () => {
  let api: TestApp;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('every worker line about the receipt carries the upload’s X-Request-ID', async () => {
    worker = spawnWorkerProcess({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
    const user = await registerUser(api.baseUrl);
    const { body, contentType } = buildMultipart([
      { name: 'file', filename: 'cafe.jpg', contentType: 'image/jpeg', data: await JPEG },
    ]);
    const requestId = 'upload-7f3a-joins-worker-log';
    const upload = await http(api.baseUrl, 'POST', '/v1/receipts', {
      token: user.token,
      rawBody: body,
      headers: { 'content-type': contentType, 'x-request-id': requestId },
    });
    expect(upload.status).toBe(202);
    const id = upload.body.id as string;
    await waitForReceipt(api.baseUrl, id, user.token, 60_000);
    await worker.stop();

    const lines = worker
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const aboutReceipt = lines.filter((line) => JSON.stringify(line).includes(id));
    expect(aboutReceipt.length).toBeGreaterThan(0);
    for (const line of aboutReceipt) expect(line.requestId).toBe(requestId);
  });
});
