import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { registerUser, TEST_PASSWORD, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';

// The account page's sessions (issue 12): list your sign-ins, end one, or end all but this one.
// Ended sessions stop at once on every route (the session cache is cleared with them), and another
// user's session is answered exactly like a missing one.
interface Session {
  id: string;
  current: boolean;
  createdAt: string;
  lastRenewedAt: string;
  expiresAt: string;
  userAgent: string | null;
}

describe('your sessions: list, sign out one, sign out the others', () => {
  let api: TestApp;
  let user: RegisteredUser;

  const login = async (userAgent = 'receipt-vault-test/1.0') => {
    const res = await http(api.baseUrl, 'POST', '/v1/auth/login', {
      body: { email: user.email, password: TEST_PASSWORD },
      headers: { 'user-agent': userAgent },
    });
    expect(res.status).toBe(200);
    return res.body as { accessToken: string; refreshToken: string };
  };
  const sessions = async (token: string) => {
    const res = await http<Session[]>(api.baseUrl, 'GET', '/v1/me/sessions', { token });
    expect(res.status).toBe(200);
    return res.body;
  };
  const currentId = async (token: string) => (await sessions(token)).find((s) => s.current)!.id;
  const meStatus = async (token: string) =>
    (await http(api.baseUrl, 'GET', '/v1/me', { token })).status;

  beforeAll(async () => {
    await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
    user = await registerUser(api.baseUrl);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lists the live sessions, marks the current one, and ends one at once', async () => {
    const second = await login();
    const listed = await sessions(user.token);
    expect(listed).toHaveLength(2);
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    for (const session of listed) {
      expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now());
      expect(Date.parse(session.lastRenewedAt)).toBeGreaterThanOrEqual(
        Date.parse(session.createdAt),
      );
    }
    const secondId = await currentId(second.accessToken);
    expect(listed.find((s) => !s.current)).toMatchObject({
      id: secondId,
      userAgent: 'receipt-vault-test/1.0',
    });

    // The second session is in use (its validity is cached) when the first one ends it.
    expect(await meStatus(second.accessToken)).toBe(200);
    const ended = await http(api.baseUrl, 'DELETE', `/v1/me/sessions/${secondId}`, {
      token: user.token,
    });
    expect(ended.status).toBe(204);
    expect(await meStatus(second.accessToken)).toBe(401);
    const refresh = await http(api.baseUrl, 'POST', '/v1/auth/refresh', {
      body: { refreshToken: second.refreshToken },
    });
    expect(refresh.status).toBe(401);
    expect((await sessions(user.token)).map((s) => s.id)).toEqual([await currentId(user.token)]);

    // Ending it again, or a session that never was, is a 404 with one code.
    const again = await http(api.baseUrl, 'DELETE', `/v1/me/sessions/${secondId}`, {
      token: user.token,
    });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('SESSION_NOT_FOUND');
    const malformed = await http(api.baseUrl, 'DELETE', '/v1/me/sessions/not-a-uuid', {
      token: user.token,
    });
    expect(malformed.status).toBe(404);
    expect(malformed.body.code).toBe('SESSION_NOT_FOUND');
  });

  it("answers another user's session like a missing one and leaves it alone", async () => {
    const other = await registerUser(api.baseUrl);
    const otherId = await currentId(other.token);
    const stranger = await http(api.baseUrl, 'DELETE', `/v1/me/sessions/${otherId}`, {
      token: user.token,
    });
    const missing = await http(api.baseUrl, 'DELETE', `/v1/me/sessions/${randomUUID()}`, {
      token: user.token,
    });
    expect(stranger.status).toBe(404);
    expect({ ...stranger.body, requestId: null }).toEqual({ ...missing.body, requestId: null });
    expect(await meStatus(other.token)).toBe(200);
    expect((await sessions(user.token)).map((s) => s.id)).not.toContain(otherId);
  });

  it('signs out everywhere else and keeps this session', async () => {
    const others = [await login(), await login()];
    expect(await sessions(user.token)).toHaveLength(3);
    const res = await http(api.baseUrl, 'POST', '/v1/me/sessions/sign-out-others', {
      token: user.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ signedOut: 2 });
    for (const other of others) expect(await meStatus(other.accessToken)).toBe(401);
    expect(await meStatus(user.token)).toBe(200);
    expect(await sessions(user.token)).toEqual([expect.objectContaining({ current: true })]);
  });

  it('labels a session with its User-Agent, cut to 255 characters', async () => {
    const long = await login(`Mozilla/5.0 ${'x'.repeat(300)}`);
    const mine = (await sessions(long.accessToken)).find((s) => s.current)!;
    expect(mine.userAgent).toHaveLength(255);
    expect(mine.userAgent!.startsWith('Mozilla/5.0 xxx')).toBe(true);
    await http(api.baseUrl, 'POST', '/v1/auth/logout', { token: long.accessToken });
  });

  it('a signed-out session is not listed, and the routes need a token', async () => {
    const gone = await login();
    await http(api.baseUrl, 'POST', '/v1/auth/logout', { token: gone.accessToken });
    expect(await sessions(user.token)).toHaveLength(1);
    expect((await http(api.baseUrl, 'GET', '/v1/me/sessions')).status).toBe(401);
  });
});
