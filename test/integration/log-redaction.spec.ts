import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http } from '../utils/http.js';
import { registerUser } from '../utils/register-user.js';
import { spawnApiProcess, type ApiProcess } from '../utils/spawn-api-process.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';

// Tokens and API keys must never reach the log in clear (issue 8, defect 6): the SSE events token
// (`?token=`), and an access token a client wrongly sends in the query. Checked on the real
// API process, in both log formats, over the request log and the slow-request warning.

const JPEG = readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.jpg'));

/** Opens the SSE stream with `?token=`, reads its first bytes, and hangs up. */
async function touchEvents(baseUrl: string, url: string): Promise<number> {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}${url}`, { signal: controller.signal });
  await res.body?.getReader().read();
  controller.abort();
  return res.status;
}

describe.each(['json', 'pretty'] as const)('log redaction (LOG_FORMAT=%s)', (format) => {
  let api: ApiProcess;
  const secrets: string[] = [];

  beforeAll(async () => {
    await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000' });
    // Every request counts as slow, so the slow-request warning (which logs the URL) fires too.
    api = await spawnApiProcess({ LOG_FORMAT: format, LOG_LEVEL: 'info', SLOW_REQUEST_MS: '1' });
    const user = await registerUser(api.baseUrl);
    const upload = await uploadFile(api.baseUrl, await JPEG, { token: user.token });
    expect(upload.status).toBe(202);
    const issued = await http(api.baseUrl, 'POST', `/v1/receipts/${upload.body.id}/events-token`, {
      token: user.token,
    });
    expect(issued.status).toBe(201);
    secrets.push(issued.body.token, user.token);

    expect(await touchEvents(api.baseUrl, issued.body.url)).toBe(200);
    const misuse = await http(
      api.baseUrl,
      'GET',
      `/v1/me?access_token=${encodeURIComponent(user.token)}&token=${encodeURIComponent(user.token)}`,
    );
    expect(misuse.status).toBe(401);

    // API keys: in both accepted headers, and wrongly in the query string.
    const created = await http(api.baseUrl, 'POST', '/v1/api-keys', {
      token: user.token,
      body: { name: 'logged?', scopes: ['receipts:read'] },
    });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    secrets.push(key);
    const forms: Record<string, string>[] = [
      { 'x-api-key': key },
      { authorization: `Bearer ${key}` },
    ];
    for (const headers of forms) {
      expect((await http(api.baseUrl, 'GET', '/v1/receipts', { headers })).status).toBe(200);
    }
    const keyInUrl = await http(api.baseUrl, 'GET', `/v1/receipts?api_key=${key}`);
    expect(keyInUrl.status).toBe(401);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('logs the requests, with the token values replaced', async () => {
    await api.stop();
    const log = api.output();
    // The requests were logged at all (otherwise "no token in the log" would prove nothing).
    expect(log).toContain('/events?token=[REDACTED]');
    expect(log).toContain('/v1/me?access_token=[REDACTED]');
    expect(log).toContain('/v1/receipts?api_key=[REDACTED]');
    expect(log).toMatch(/Slow request/);
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
