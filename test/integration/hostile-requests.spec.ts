import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { registerUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';

// Issue 8, defects 3, 8 and 9: each of these was a 500, an empty answer, a reset connection
// or a silently accepted body before.

const PASSWORD = 'correct horse battery staple';

/** A raw HTTP/1.1 GET whose one header is `size` bytes, read back without fetch's limits. */
function getWithHugeHeader(
  baseUrl: string,
  size: number,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL('/v1/me', baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: { authorization: `Bearer ${'a'.repeat(size)}` },
        // The client's own limit must not be what refuses the exchange.
        maxHeaderSize: 1024 * 1024,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('hostile requests', () => {
  let api: TestApp;

  beforeAll(async () => {
    await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
  });
  afterAll(() => api?.close());

  describe('deeply nested JSON → 422, never a stack overflow', () => {
    const deep = `${'['.repeat(1_600)}${']'.repeat(1_600)}`;
    it.each(['/v1/auth/register', '/v1/auth/login', '/v1/auth/refresh'])('%s', async (path) => {
      const res = await http(api.baseUrl, 'POST', path, {
        rawBody: `{"email":${deep},"password":"${PASSWORD}","refreshToken":${deep}}`,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', requestId: expect.any(String) });
    });
  });

  it.each(['__proto__', 'constructor'])(
    'a "%s" field → 422 like any other extra field',
    async (key) => {
      const res = await http(api.baseUrl, 'POST', '/v1/auth/register', {
        rawBody: `{"email":"proto-${key}@example.com","password":"${PASSWORD}","${key}":{"admin":true}}`,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: key }] });
    },
  );

  describe('emails that only look alike', () => {
    it.each([
      ['a zero-width space', 'zw\u200bsp@example.com'],
      ['a right-to-left override', '\u202Emoc.elpmaxe@rtl'],
      ['a control character', 'ctl\u0007@example.com'],
    ])('%s → 422', async (_what, email) => {
      const res = await http(api.baseUrl, 'POST', '/v1/auth/register', {
        body: { email, password: PASSWORD },
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'email' }] });
    });

    it('a fullwidth spelling is the same account as the plain one (NFKC)', async () => {
      const fullwidth = '\uFF46\uFF55\uFF4C\uFF4C@example.com'; // ｆｕｌｌ@example.com
      const created = await http(api.baseUrl, 'POST', '/v1/auth/register', {
        body: { email: fullwidth, password: PASSWORD },
      });
      expect(created.status).toBe(201);
      expect(created.body.email).toBe('full@example.com');
      const again = await http(api.baseUrl, 'POST', '/v1/auth/register', {
        body: { email: 'FULL@example.com', password: PASSWORD },
      });
      expect(again.status).toBe(409);
      const login = await http(api.baseUrl, 'POST', '/v1/auth/login', {
        body: { email: 'full@example.com', password: PASSWORD },
      });
      expect(login.status).toBe(200);
    });
  });

  describe('bodies that are not JSON → 415', () => {
    it.each([
      [
        '/v1/auth/register',
        'application/x-www-form-urlencoded',
        `email=form%40example.com&password=${encodeURIComponent(PASSWORD)}`,
      ],
      [
        '/v1/auth/login',
        'application/x-www-form-urlencoded',
        `email=form%40example.com&password=x`,
      ],
      ['/v1/auth/login', 'text/plain', '{"email":"a@example.com","password":"x"}'],
      ['/v1/auth/refresh', 'application/xml', '<refreshToken>x</refreshToken>'],
    ])('%s as %s', async (path, type, body) => {
      const res = await http(api.baseUrl, 'POST', path, {
        rawBody: body,
        headers: { 'content-type': type },
      });
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        requestId: expect.any(String),
      });
    });

    it('and nothing was created by the form-encoded register', async () => {
      const login = await http(api.baseUrl, 'POST', '/v1/auth/login', {
        body: { email: 'form@example.com', password: PASSWORD },
      });
      expect(login.status).toBe(401);
    });

    it('JSON with a charset, and +json types, are still accepted', async () => {
      const res = await http(api.baseUrl, 'POST', '/v1/auth/register', {
        rawBody: JSON.stringify({ email: 'charset@example.com', password: PASSWORD }),
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      expect(res.status).toBe(201);
    });

    it('a bodiless POST needs no content type', async () => {
      const user = await registerUser(api.baseUrl);
      const res = await http(api.baseUrl, 'POST', '/v1/auth/logout', { token: user.token });
      expect(res.status).toBe(204);
    });
  });

  describe('oversized headers → 431 with the common error body', () => {
    it.each([32 * 1024, 64 * 1024, 1024 * 1024])('%d bytes', async (size) => {
      const res = await getWithHugeHeader(api.baseUrl, size);
      expect(res.status).toBe(431);
      expect(JSON.parse(res.body)).toMatchObject({
        statusCode: 431,
        code: 'HEADERS_TOO_LARGE',
        requestId: expect.any(String),
      });
      expect(res.headers['x-request-id']).toEqual(expect.any(String));
    });

    it('the server still answers normally afterwards', async () => {
      const res = await http(api.baseUrl, 'GET', '/health/live');
      expect(res.status).toBe(200);
    });
  });
});
