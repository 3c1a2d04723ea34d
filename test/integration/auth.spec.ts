import { generateKeyPairSync, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { forgeJwt } from '../utils/forge-jwt.js';
import { http, type HttpResult } from '../utils/http.js';
import { useTestEnv } from '../utils/test-env.js';

const PASSWORD = 'correct horse battery staple';

describe('accounts and tokens', () => {
  let api: TestApp;
  let env: Record<string, string>;
  const seen: HttpResult[] = [];

  const call = async (method: string, path: string, options: Parameters<typeof http>[3] = {}) => {
    const res = await http(api.baseUrl, method, path, options);
    seen.push(res);
    return res;
  };
  const register = (email: string, password = PASSWORD) =>
    call('POST', '/v1/auth/register', { body: { email, password } });
  const login = (email: string, password = PASSWORD) =>
    call('POST', '/v1/auth/login', { body: { email, password } });
  const me = (token: string) => call('GET', '/v1/me', { token });

  const claims = (overrides: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return {
      sub: randomUUID(),
      sid: randomUUID(),
      typ: 'access',
      iat: now,
      exp: now + 600,
      iss: 'receipt-vault',
      aud: 'receipt-vault-api',
      ...overrides,
    };
  };

  beforeAll(async () => {
    // Limits high enough that this file never trips them; throttle.spec.ts tests them.
    env = await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
  });

  afterAll(async () => {
    // No response of this whole file may contain a password hash or the password.
    for (const res of seen) {
      expect(res.text).not.toContain('$argon2');
      expect(res.text).not.toContain(PASSWORD);
    }
    await api?.close();
  });

  it('registers, logs in, reads /me, refreshes and logs out', async () => {
    const created = await register('ada@example.com');
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      email: 'ada@example.com',
      // The first account of an installation is its admin (issue 11).
      role: 'admin',
      createdAt: expect.any(String),
    });

    const tokens = await login('ada@example.com');
    expect(tokens.status).toBe(200);
    expect(tokens.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshToken: expect.any(String),
    });

    const profile = await me(tokens.body.accessToken);
    expect(profile.status).toBe(200);
    expect(profile.body).toEqual(created.body);

    const refreshed = await call('POST', '/v1/auth/refresh', {
      body: { refreshToken: tokens.body.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(tokens.body.refreshToken);
    expect((await me(refreshed.body.accessToken)).status).toBe(200);

    expect(
      (await call('POST', '/v1/auth/logout', { token: refreshed.body.accessToken })).status,
    ).toBe(204);
    // Logout ends the session: its access tokens and its refresh token stop working at once.
    const after = await me(refreshed.body.accessToken);
    expect(after.status).toBe(401);
    expect(
      (
        await call('POST', '/v1/auth/refresh', {
          body: { refreshToken: refreshed.body.refreshToken },
        })
      ).status,
    ).toBe(401);
  });

  it('treats A@x.com and a@x.com as one account', async () => {
    expect((await register('  Case@Example.com ')).status).toBe(201);
    const again = await register('case@example.COM');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
    expect((await login('CASE@example.com')).status).toBe(200);
  });

  it('gives the same 401 for an unknown email and a wrong password', async () => {
    await register('bob@example.com');
    const unknown = await login('nobody@example.com');
    const wrong = await login('bob@example.com', 'not the password at all');
    for (const res of [unknown, wrong]) {
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('revokes the whole family when a used refresh token comes back', async () => {
    await register('carol@example.com');
    const first = (await login('carol@example.com')).body;
    const second = (
      await call('POST', '/v1/auth/refresh', { body: { refreshToken: first.refreshToken } })
    ).body;
    // Used once, so its session's validity is cached: the revocation must reach the cache too.
    expect((await me(second.accessToken)).status).toBe(200);

    const reuse = await call('POST', '/v1/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('INVALID_REFRESH_TOKEN');
    // The legitimate successor and its access token die with the family.
    expect(
      (await call('POST', '/v1/auth/refresh', { body: { refreshToken: second.refreshToken } }))
        .status,
    ).toBe(401);
    expect((await me(second.accessToken)).status).toBe(401);
  });

  it('never accepts a refresh token as an access token, nor the reverse', async () => {
    await register('dave@example.com');
    const tokens = (await login('dave@example.com')).body;
    expect((await me(tokens.refreshToken)).status).toBe(401);
    expect(
      (await call('POST', '/v1/auth/refresh', { body: { refreshToken: tokens.accessToken } }))
        .status,
    ).toBe(401);
  });

  describe('rejects bad access tokens with 401', () => {
    let valid: { sub: string; sid: string };

    beforeAll(async () => {
      await register('erin@example.com');
      const token = (await login('erin@example.com')).body.accessToken as string;
      const payload = JSON.parse(
        Buffer.from(token.split('.')[1] ?? '', 'base64url').toString(),
      ) as { sub: string; sid: string };
      valid = { sub: payload.sub, sid: payload.sid };
    });

    const hs256 = (payload: Record<string, unknown>, header: Record<string, unknown> = {}) =>
      forgeJwt({ alg: 'HS256', typ: 'JWT', ...header }, payload, { hmacSecret: env.JWT_SECRET });

    it('accepts a token forged with the right secret and claims (control)', async () => {
      expect((await me(hs256(claims(valid)))).status).toBe(200);
    });

    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const cases: [string, () => string | undefined][] = [
      ['missing header', () => undefined],
      ['garbled token', () => 'not.a.jwt'],
      ['expired', () => hs256(claims({ ...valid, iat: 1_600_000_000, exp: 1_600_000_600 }))],
      ['tampered signature', () => hs256(claims(valid)).slice(0, -4) + 'AAAA'],
      ['alg none', () => forgeJwt({ alg: 'none', typ: 'JWT' }, claims(valid))],
      ['HS512', () => forgeJwt({ alg: 'HS512' }, claims(valid), { hmacSecret: env.JWT_SECRET })],
      [
        'RS256',
        () =>
          forgeJwt({ alg: 'RS256' }, claims(valid), {
            privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
          }),
      ],
      [
        'kid pointing elsewhere',
        () => forgeJwt({ alg: 'HS256', kid: '../../dev/null' }, claims(valid), { hmacSecret: '' }),
      ],
      [
        'jku to a foreign key set',
        () =>
          forgeJwt({ alg: 'RS256', jku: 'https://evil.example/jwks.json' }, claims(valid), {
            privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
          }),
      ],
      ['wrong issuer', () => hs256(claims({ ...valid, iss: 'someone-else' }))],
      ['wrong audience', () => hs256(claims({ ...valid, aud: 'another-api' }))],
      ['no exp', () => hs256({ ...claims(valid), exp: undefined })],
      ['unknown session', () => hs256(claims({ sub: valid.sub }))],
      ['refresh-type claim', () => hs256(claims({ ...valid, typ: 'refresh' }))],
    ];

    it.each(cases)('%s', async (_name, make) => {
      const token = make();
      const res = await call(
        'GET',
        '/v1/me',
        token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
      );
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });

    it('garbled Authorization schemes', async () => {
      for (const header of ['Bearer', 'Basic Zm9vOmJhcg==', 'Bearer  ', 'bearer\u0000x']) {
        const res = await fetch(`${api.baseUrl}/v1/me`, {
          headers: { authorization: header },
        }).catch(() => null);
        if (res) expect(res.status).toBe(401);
      }
    });

    it('a deleted user', async () => {
      await register('frank@example.com');
      const token = (await login('frank@example.com')).body.accessToken as string;
      const db = new pg.Client({ connectionString: env.DATABASE_URL });
      await db.connect();
      await db.query("DELETE FROM users WHERE email = 'frank@example.com'");
      await db.end();
      expect((await me(token)).status).toBe(401);
    });
  });

  describe('bad input gets a 4xx with a code, never a 500', () => {
    it.each([
      ['password too short', { email: 'g@example.com', password: 'short' }, 422],
      ['password too long', { email: 'g@example.com', password: 'x'.repeat(129) }, 422],
      ['email not an email', { email: "' OR 1=1 --", password: PASSWORD }, 422],
      ['email too long', { email: `${'a'.repeat(250)}@x.com`, password: PASSWORD }, 422],
      ['100 KB email', { email: `${'a'.repeat(100 * 1024)}@x.com`, password: PASSWORD }, 422],
      ['email a number', { email: 42, password: PASSWORD }, 422],
      ['missing fields', {}, 422],
      ['an array body', [1, 2], 422],
    ])('register: %s → %s', async (_name, body, status) => {
      const res = await call('POST', '/v1/auth/register', { body });
      expect(res.status).toBe(status);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('a 1 MB password is refused before any hashing (413)', async () => {
      const res = await call('POST', '/v1/auth/register', {
        body: { email: 'h@example.com', password: 'p'.repeat(1024 * 1024) },
      });
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
      const login1mb = await call('POST', '/v1/auth/login', {
        body: { email: 'h@example.com', password: 'p'.repeat(1024 * 1024) },
      });
      expect(login1mb.status).toBe(413);
    });

    it('extra fields such as id or role are refused and never persisted', async () => {
      const forcedId = randomUUID();
      const res = await call('POST', '/v1/auth/register', {
        body: { email: 'ivan@example.com', password: PASSWORD, id: forcedId, role: 'admin' },
      });
      expect(res.status).toBe(422);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'id',
        'role',
      ]);
      expect((await login('ivan@example.com')).status).toBe(401);
    });

    it('injection strings are just data', async () => {
      const sneaky = "' OR '1'='1'; DROP TABLE users; --";
      expect((await register('judy@example.com', sneaky)).status).toBe(201);
      expect((await login('judy@example.com', sneaky)).status).toBe(200);
      expect((await login('judy@example.com', "' OR '1'='1' --")).status).toBe(401);
      expect(
        (await call('POST', '/v1/auth/refresh', { body: { refreshToken: "' OR 1=1 --" } })).status,
      ).toBe(401);
      expect(
        (
          await call('POST', '/v1/auth/login', {
            body: { email: 'judy@example.com', password: { $ne: null } },
          })
        ).status,
      ).toBe(422);
    });
  });
});
