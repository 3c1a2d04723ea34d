import type { INestApplicationContext } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { createTestWorker } from '../utils/create-test-worker.js';
import { http } from '../utils/http.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { startWebhookReceiver, type WebhookReceiver } from '../utils/start-webhook-receiver.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';
import { verifyWebhookSignature } from '../utils/verify-webhook-signature.js';
import { waitForReceipt } from '../utils/wait-for-receipt.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');

// Upload → real worker and OCR → the worker's terminal transition → a signed webhook at a
// real local receiver (allowed through WEBHOOK_ALLOW_PRIVATE_HOSTS).
describe('webhooks: a processed receipt is announced', () => {
  let api: TestApp;
  let worker: INestApplicationContext;
  let receiver: WebhookReceiver;
  let user: RegisteredUser;

  beforeAll(async () => {
    receiver = await startWebhookReceiver('127.0.0.2');
    await useTestEnv({ WEBHOOK_ALLOW_PRIVATE_HOSTS: '127.0.0.2' });
    api = await createTestApp();
    worker = await createTestWorker();
    user = await registerUser(api.baseUrl);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver?.close();
  });

  it('sends receipt.completed or receipt.needs_review, signed, with the summary', async () => {
    const hook = await http(api.baseUrl, 'POST', '/v1/webhooks', {
      token: user.token,
      body: {
        url: `${receiver.url}/receipts`,
        events: [
          'receipt.completed',
          'receipt.needs_review',
          'receipt.failed',
          'receipt.corrected',
        ],
      },
    });
    expect(hook.status).toBe(201);

    const image = await readFile(join(FIXTURES, 'receipts/uk-cafe.jpg'));
    const upload = await uploadFile(api.baseUrl, image, { token: user.token });
    expect(upload.status).toBe(202);
    const receipt = await waitForReceipt(api.baseUrl, upload.body.id as string, user.token);

    const [hit] = await receiver.waitFor('/receipts', 1);
    expect(verifyWebhookSignature(hook.body.secret as string, hit.headers, hit.body)).toBe(true);
    const event = JSON.parse(hit.body);
    expect(event.type).toBe(`receipt.${receipt.status}`);
    expect(event.data.receipt).toMatchObject({
      id: receipt.id,
      status: receipt.status,
      summary: { total: '15.88', currency: receipt.summary.currency },
    });
    expect(hit.body).not.toContain('FLAT WHITE');

    // A correction is announced too, with the corrected summary.
    const current = await http(api.baseUrl, 'GET', `/v1/receipts/${receipt.id}`, {
      token: user.token,
    });
    const patched = await http(api.baseUrl, 'PATCH', `/v1/receipts/${receipt.id}`, {
      token: user.token,
      headers: { 'if-match': current.headers.get('etag')! },
      body: { merchantName: 'Copper Kettle' },
    });
    expect(patched.status).toBe(200);
    const hits = await receiver.waitFor('/receipts', 2);
    const corrected = JSON.parse(hits[1].body);
    expect(corrected.type).toBe('receipt.corrected');
    expect(corrected.data.receipt.summary.merchantName).toBe('Copper Kettle');
    expect(verifyWebhookSignature(hook.body.secret as string, hits[1].headers, hits[1].body)).toBe(
      true,
    );
  });
});
