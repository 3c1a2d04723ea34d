import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { readSse } from '../utils/read-sse.js';
import { registerUser } from '../utils/register-user.js';
import { uploadFile } from '../utils/upload-file.js';
import { useTestEnv } from '../utils/test-env.js';

// No worker runs here: the receipt stays queued, so the stream has nothing to say but heartbeats.
describe('receipt events while nothing happens', () => {
  let api: TestApp;

  beforeAll(async () => {
    await useTestEnv({ SSE_HEARTBEAT_MS: '200' });
    api = await createTestApp();
  });
  afterAll(() => api?.close());

  it('sends the state at once, then heartbeats that repeat its id, until the client hangs up', async () => {
    const user = await registerUser(api.baseUrl);
    const image = await readFile(join(import.meta.dirname, '../fixtures/receipts/us-diner.png'));
    const upload = await uploadFile(api.baseUrl, image, {
      token: user.token,
      filename: 'diner.png',
    });
    expect(upload.status).toBe(202);

    const stream = await readSse(`${api.baseUrl}${upload.body.links.events}`, {
      token: user.token,
      stopWhen: (_event, all) => all.filter((e) => e.event === 'heartbeat').length >= 3,
      timeoutMs: 10_000,
    });

    expect(stream.status).toBe(200);
    expect(stream.closedByServer).toBe(false);
    const [first, ...rest] = stream.events;
    expect(first).toMatchObject({
      event: 'state',
      data: { status: 'queued', receiptId: upload.body.id },
    });
    expect(rest.length).toBeGreaterThanOrEqual(3);
    for (const event of rest) {
      expect(event.event).toBe('heartbeat');
      // A browser that reconnects after a heartbeat resumes from the last real event.
      expect(event.id).toBe(first?.id);
    }
  });
});
