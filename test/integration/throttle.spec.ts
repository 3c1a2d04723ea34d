import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { pollUntil } from '../utils/poll-until.js';
import { useTestEnv } from '../utils/test-env.js';

describe('brute-force protection', () => {
  let api: TestApp;
  const login = (email: string, headers: Record<string, string> = {}) =>
    http(api.baseUrl, 'POST', '/v1/auth/login', {
      body: { email, password: 'wrong password 123' },
      headers,
    });

  beforeAll(async () => {
    // TRUST_PROXY lets the tests speak from many client addresses through X-Forwarded-For.
    await useTestEnv({
      THROTTLE_AUTH_LIMIT: '3',
      THROTTLE_AUTH_TTL_SECONDS: '2',
      TRUST_PROXY: 'true',
    });
    api = await createTestApp();
  });
  afterAll(() => api?.close());

  it('answers 429 RATE_LIMITED with Retry-After past the limit, then recovers after the window', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await login('target@example.com')).status);
    expect(statuses).toEqual([401, 401, 401]);

    const limited = await login('target@example.com');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    const recovered = await pollUntil(
      () => login('target@example.com'),
      (r) => r.status === 401,
      { timeoutMs: 6000, intervalMs: 500 },
    );
    expect(recovered.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('limits one account tried from many addresses', async () => {
    const from = (i: number) => ({ 'X-Forwarded-For': `203.0.113.${i}` });
    for (let i = 1; i <= 3; i++)
      expect((await login('victim@example.com', from(i))).status).toBe(401);
    const res = await login('victim@example.com', from(4));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after-account')).not.toBeNull();
    // Another account from a fresh address is not affected.
    expect((await login('bystander@example.com', from(5))).status).toBe(401);
  });

  it('limits one address trying many accounts', async () => {
    const from = { 'X-Forwarded-For': '198.51.100.7' };
    for (let i = 1; i <= 3; i++)
      expect((await login(`user${i}@example.com`, from)).status).toBe(401);
    const res = await login('user4@example.com', from);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after-ip')).not.toBeNull();
  });
});
