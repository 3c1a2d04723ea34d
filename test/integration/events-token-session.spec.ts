import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { registerUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';

const JPEG = readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.jpg'));

/** The status of opening the stream with `?token=`; the connection is closed at once. */
async function openEvents(baseUrl: string, url: string): Promise<number> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}${url}`, { signal: controller.signal });
  controller.abort();
  return res.status;
}

// Issue 8, defect 9: an events token is tied to the login session it was issued in.
describe('events tokens end with their session', () => {
  let api: TestApp;

  beforeAll(async () => {
    await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
  });
  afterAll(() => api?.close());

  it('opens the stream while the session lives, and 401 after logout', async () => {
    const user = await registerUser(api.baseUrl);
    const upload = await uploadFile(api.baseUrl, await JPEG, { token: user.token });
    const issued = await http(api.baseUrl, 'POST', `/v1/receipts/${upload.body.id}/events-token`, {
      token: user.token,
    });
    expect(issued.status).toBe(201);
    expect(await openEvents(api.baseUrl, issued.body.url)).toBe(200);

    const logout = await http(api.baseUrl, 'POST', '/v1/auth/logout', { token: user.token });
    expect(logout.status).toBe(204);
    expect(await openEvents(api.baseUrl, issued.body.url)).toBe(401);
  });
});
