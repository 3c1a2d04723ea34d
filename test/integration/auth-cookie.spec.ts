import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { useTestEnv } from '../utils/test-env.js';

// Browser sessions for the web app (issue 12): POST /v1/auth/session and …/session/refresh keep
// the refresh token in an httpOnly, SameSite=Strict cookie scoped to /v1/auth; page scripts get
// the access token alone. Login and refresh with tokens in the body are unchanged.
const PASSWORD = 'correct horse battery staple';

/** `rv_refresh=<value>` from a response's Set-Cookie, with its attributes. */
function refreshCookie(headers: Headers): { value: string; attributes: string[] } | undefined {
  const raw = headers.getSetCookie().find((cookie) => cookie.startsWith('rv_refresh='));
  if (!raw) return undefined;
  const [pair, ...attributes] = raw.split(';').map((part) => part.trim());
  return { value: pair.slice('rv_refresh='.length), attributes };
}

describe('browser sessions: the refresh token in a cookie', () => {
  let api: TestApp;
  const call = (path: string, options: Parameters<typeof http>[3] = {}) =>
    http(api.baseUrl, 'POST', path, options);

  const cookieLogin = async () => {
    const email = `cookie-${randomUUID()}@example.com`;
    expect((await call('/v1/auth/register', { body: { email, password: PASSWORD } })).status).toBe(
      201,
    );
    const login = await call('/v1/auth/session', { body: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    return { login, cookie: refreshCookie(login.headers)! };
  };

  beforeAll(async () => {
    await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('sets an httpOnly, SameSite=Strict cookie on /v1/auth and leaves the token out of the body', async () => {
    const { login, cookie } = await cookieLogin();
    expect(login.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    expect(cookie.value.length).toBeGreaterThan(20);
    expect(cookie.attributes).toEqual(
      expect.arrayContaining(['Path=/v1/auth', 'HttpOnly', 'SameSite=Strict']),
    );
    // Secure only in production: the test and dev servers are plain http.
    expect(cookie.attributes).not.toContain('Secure');
    expect(cookie.attributes.some((a) => a.startsWith('Max-Age='))).toBe(true);
  });

  it('rotates through the cookie, and a replayed cookie revokes the session', async () => {
    const { cookie } = await cookieLogin();
    const refreshed = await call('/v1/auth/session/refresh', {
      headers: { cookie: `other=1; rv_refresh=${cookie.value}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    const next = refreshCookie(refreshed.headers)!;
    expect(next.value).not.toBe(cookie.value);
    const me = await http(api.baseUrl, 'GET', '/v1/me', { token: refreshed.body.accessToken });
    expect(me.status).toBe(200);

    const replay = await call('/v1/auth/session/refresh', {
      headers: { cookie: `rv_refresh=${cookie.value}` },
    });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('INVALID_REFRESH_TOKEN');
    // Reuse means theft: the newer cookie of that session stopped working too.
    const after = await call('/v1/auth/session/refresh', {
      headers: { cookie: `rv_refresh=${next.value}` },
    });
    expect(after.status).toBe(401);
  });

  it('ignores the cookie on a request another origin made', async () => {
    const { cookie } = await cookieLogin();
    for (const site of ['cross-site', 'same-site']) {
      const refused = await call('/v1/auth/session/refresh', {
        headers: { cookie: `rv_refresh=${cookie.value}`, 'sec-fetch-site': site },
      });
      expect(refused.status, site).toBe(401);
      expect(refused.body.code).toBe('INVALID_REFRESH_TOKEN');
    }
    // The cookie was not spent by those attempts.
    const ok = await call('/v1/auth/session/refresh', {
      headers: { cookie: `rv_refresh=${cookie.value}`, 'sec-fetch-site': 'same-origin' },
    });
    expect(ok.status).toBe(200);
  });

  it('answers a refresh without a usable cookie 401', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { cookie: 'rv_refresh=' },
      { cookie: 'rv_refresh=%E0%A4%A' },
    ];
    for (const headers of attempts) {
      const res = await call('/v1/auth/session/refresh', { headers });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_REFRESH_TOKEN');
    }
  });

  it('clears the cookie on logout', async () => {
    const { login, cookie } = await cookieLogin();
    const out = await call('/v1/auth/logout', { token: login.body.accessToken });
    expect(out.status).toBe(204);
    const cleared = refreshCookie(out.headers)!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['Path=/v1/auth']));
    expect(cleared.attributes.some((a) => a.startsWith('Expires=Thu, 01 Jan 1970'))).toBe(true);
    const refresh = await call('/v1/auth/session/refresh', {
      headers: { cookie: `rv_refresh=${cookie.value}` },
    });
    expect(refresh.status).toBe(401);
  });

  it('sets no cookie for wrong credentials, and refuses unknown fields', async () => {
    const { login } = await cookieLogin();
    expect(login.status).toBe(200);
    const wrong = await call('/v1/auth/session', {
      body: { email: `nobody-${randomUUID()}@example.com`, password: PASSWORD },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(refreshCookie(wrong.headers)).toBeUndefined();
    const extra = await call('/v1/auth/session', {
      body: { email: 'a@example.com', password: PASSWORD, refreshToken: 'x' },
    });
    expect(extra.status).toBe(422);
  });

  it('leaves login and refresh with body tokens as they were', async () => {
    const email = `cookie-${randomUUID()}@example.com`;
    await call('/v1/auth/register', { body: { email, password: PASSWORD } });
    const login = await call('/v1/auth/login', { body: { email, password: PASSWORD } });
    expect(login.body.refreshToken).toEqual(expect.any(String));
    expect(refreshCookie(login.headers)).toBeUndefined();
    const refreshed = await call('/v1/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    expect(refreshCookie(refreshed.headers)).toBeUndefined();
  });
});
