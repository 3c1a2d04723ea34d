import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReceipt } from '../factories/receipt.factory.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http, type HttpResult } from '../utils/http.js';
import { pollUntil } from '../utils/poll-until.js';
import { queryDatabase } from '../utils/query-database.js';
import { readSse } from '../utils/read-sse.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';

const SCOPES = ['receipts:read', 'receipts:write', 'exports', 'webhooks'] as const;
type Scope = (typeof SCOPES)[number];
const RATE_LIMIT = 60;
const KEY_FORMAT = /^rv_[A-Za-z0-9_-]{43}$/;
const MARKER = 'KEYHOLDER-MERCHANT';

interface Operation {
  method: string;
  path: string;
  scope?: Scope;
}

/** Bodies for routes that validate one before the id is looked up. */
const BODIES: Record<string, unknown> = {
  'PATCH /v1/receipts/{id}': { note: 'by key' },
  'POST /v1/receipts/{id}/tags': { name: 'by-key' },
  'PATCH /v1/tags/{tagId}': { name: 'renamed' },
  'POST /v1/webhooks': { url: 'not a url', events: ['receipt.completed'] },
  'POST /v1/api-keys': { name: 'x', scopes: ['exports'] },
};

describe('scoped API keys', () => {
  let api: TestApp;
  let env: Record<string, string>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let receiptId: string;
  let operations: Operation[];

  const createKey = async (
    user: RegisteredUser,
    scopes: readonly Scope[],
    extra: Record<string, unknown> = {},
  ) => {
    const res = await http(api.baseUrl, 'POST', '/v1/api-keys', {
      token: user.token,
      body: { name: `key ${randomUUID()}`, scopes, ...extra },
    });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; key: string; prefix: string; scopes: Scope[] };
  };
  /** A request made with an API key, in one of its two accepted forms. */
  const withKey = (
    key: string,
    method: string,
    path: string,
    form: 'x-api-key' | 'bearer' = 'x-api-key',
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult> =>
    http(api.baseUrl, method, path, {
      body,
      headers:
        form === 'bearer'
          ? { ...headers, authorization: `Bearer ${key}` }
          : { ...headers, 'x-api-key': key },
    });
  const countKeys = async (ownerId: string) =>
    Number(
      (
        await queryDatabase(
          env.DATABASE_URL,
          'SELECT count(*) AS n FROM api_keys WHERE owner_id = $1',
          [ownerId],
        )
      )[0].n,
    );

  beforeAll(async () => {
    env = await useTestEnv({
      THROTTLE_AUTH_LIMIT: '1000',
      API_KEY_RATE_LIMIT: String(RATE_LIMIT),
      API_KEY_RATE_TTL_SECONDS: '60',
    });
    api = await createTestApp();
    [alice, bob] = await Promise.all([registerUser(api.baseUrl), registerUser(api.baseUrl)]);
    receiptId = await seedReceipt(env.DATABASE_URL, {
      ownerId: alice.id,
      columns: { merchant_name: MARKER },
      storageDir: env.STORAGE_DIR,
    });
    const doc = (await http(api.baseUrl, 'GET', '/docs-json')).body as {
      paths: Record<string, Record<string, { security?: unknown[]; 'x-api-key-scope'?: Scope }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.security?.length)
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          scope: op['x-api-key-scope'],
        })),
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it('creates a key shown once, stores only its hash, and lists it without the secret', async () => {
    const created = await http(api.baseUrl, 'POST', '/v1/api-keys', {
      token: alice.token,
      body: { name: '  Bookkeeping sync ', scopes: ['receipts:read', 'exports'] },
    });
    expect(created.status).toBe(201);
    const { key, id, prefix } = created.body;
    expect(key).toMatch(KEY_FORMAT);
    expect(prefix).toBe(key.slice(0, 11));
    expect(created.body).toMatchObject({
      name: 'Bookkeeping sync',
      scopes: ['receipts:read', 'exports'],
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });

    const [row] = await queryDatabase(
      env.DATABASE_URL,
      'SELECT to_jsonb(k)::text AS json, key_hash FROM api_keys k WHERE id = $1',
      [id],
    );
    expect(row.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(row.json).not.toContain(key.slice(prefix.length));

    const list = await http(api.baseUrl, 'GET', '/v1/api-keys', { token: alice.token });
    expect(list.status).toBe(200);
    const listed = list.body.find((k: { id: string }) => k.id === id);
    expect(Object.keys(listed).sort()).toEqual(
      [
        'createdAt',
        'expiresAt',
        'id',
        'lastUsedAt',
        'name',
        'prefix',
        'revokedAt',
        'scopes',
      ].sort(),
    );
    expect(list.text).not.toContain(key);
    expect(list.text).not.toContain(row.key_hash);

    // Used once: lastUsedAt appears (written after the answer, at most once a minute).
    expect((await withKey(key, 'GET', '/v1/receipts')).status).toBe(200);
    const used = await pollUntil(
      () => http(api.baseUrl, 'GET', '/v1/api-keys', { token: alice.token }),
      (r) => r.body.find((k: { id: string }) => k.id === id).lastUsedAt !== null,
      { timeoutMs: 5000, intervalMs: 100 },
    );
    const lastUsedAt = used.body.find((k: { id: string }) => k.id === id).lastUsedAt;
    expect((await withKey(key, 'GET', '/v1/receipts')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [again] = await queryDatabase(
      env.DATABASE_URL,
      'SELECT last_used_at FROM api_keys WHERE id = $1',
      [id],
    );
    expect(new Date(again.last_used_at).toISOString()).toBe(lastUsedAt);
  });

  it('refuses bad input with 422 VALIDATION_FAILED and writes nothing', async () => {
    const before = await countKeys(bob.id);
    const bad: unknown[] = [
      {},
      { scopes: ['exports'] },
      { name: '   ', scopes: ['exports'] },
      { name: 'x'.repeat(101), scopes: ['exports'] },
      { name: 'k', scopes: [] },
      { name: 'k', scopes: 'exports' },
      { name: 'k', scopes: ['admin'] },
      { name: 'k', scopes: ['exports', 'exports'] },
      { name: 'k', scopes: ['exports'], expiresAt: 'tomorrow' },
      { name: 'k', scopes: ['exports'], expiresAt: '2001-01-01T00:00:00Z' },
      { name: 'k', scopes: ['exports'], expiresAt: '9999-01-01T00:00:00Z' },
      { name: 'k', scopes: ['exports'], ownerId: alice.id },
    ];
    for (const body of bad) {
      const res = await http(api.baseUrl, 'POST', '/v1/api-keys', { token: bob.token, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await countKeys(bob.id)).toBe(before);
  });

  it('accepts X-API-Key and Authorization: Bearer rv_… on the existing routes', async () => {
    const { key } = await createKey(alice, ['receipts:read']);
    for (const form of ['x-api-key', 'bearer'] as const) {
      const one = await withKey(key, 'GET', `/v1/receipts/${receiptId}`, form);
      expect(one.status, form).toBe(200);
      expect(one.body.id).toBe(receiptId);
      const list = await withKey(key, 'GET', '/v1/receipts', form);
      expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([receiptId]);
    }
    // Another user's key sees only its own receipts.
    const bobs = await createKey(bob, ['receipts:read']);
    expect((await withKey(bobs.key, 'GET', `/v1/receipts/${receiptId}`)).status).toBe(404);
  });

  it('every documented operation declares its scope, and keys are held to it', async () => {
    const scoped = operations.filter((op) => op.scope);
    expect(scoped.length).toBeGreaterThanOrEqual(32);
    expect(new Set(scoped.map((op) => op.scope))).toEqual(new Set(SCOPES));
    const only = Object.fromEntries(
      await Promise.all(SCOPES.map(async (s) => [s, (await createKey(alice, [s])).key])),
    ) as Record<Scope, string>;
    const allBut = Object.fromEntries(
      await Promise.all(
        SCOPES.map(async (s) => [
          s,
          (
            await createKey(
              alice,
              SCOPES.filter((x) => x !== s),
            )
          ).key,
        ]),
      ),
    ) as Record<Scope, string>;
    const call = (op: Operation, key: string, form: 'x-api-key' | 'bearer') => {
      const path = op.path.replace(/\{[^}]+\}/g, randomUUID());
      const isPatch = op.method === 'PATCH';
      return withKey(
        key,
        op.method,
        path,
        form,
        BODIES[`${op.method} ${op.path}`],
        isPatch ? { 'if-match': '*' } : {},
      );
    };

    for (const [i, op] of scoped.entries()) {
      const label = `${op.method} ${op.path} (${op.scope})`;
      const form = i % 2 ? 'bearer' : 'x-api-key';
      const refused = await call(op, allBut[op.scope!], form);
      expect(refused.status, label).toBe(403);
      expect(refused.body, label).toMatchObject({
        code: 'INSUFFICIENT_SCOPE',
        details: { requiredScope: op.scope },
      });
      const allowed = await call(op, only[op.scope!], form);
      expect([401, 403, 429], `${label}: ${allowed.text}`).not.toContain(allowed.status);
    }
  });

  it('operations without a scope (account, sessions, API keys, admin) refuse every key', async () => {
    const sessionOnly = operations.filter((op) => !op.scope);
    expect(sessionOnly.map((op) => `${op.method} ${op.path}`)).toEqual(
      expect.arrayContaining([
        'GET /v1/me',
        'DELETE /v1/me',
        'GET /v1/me/export',
        'POST /v1/auth/logout',
        'POST /v1/receipts/{id}/events-token',
        'POST /v1/api-keys',
        'GET /v1/api-keys',
        'DELETE /v1/api-keys/{id}',
        'GET /v1/admin/queues',
      ]),
    );
    const { key, id } = await createKey(alice, SCOPES);
    for (const op of sessionOnly) {
      const path = op.path
        .replace('{id}', op.path.startsWith('/v1/api-keys') ? id : receiptId)
        .replace(/\{[^}]+\}/g, 'receipts');
      const res = await withKey(key, op.method, path, 'bearer', BODIES[`${op.method} ${op.path}`]);
      expect(res.status, `${op.method} ${op.path}`).toBe(403);
      expect(res.body.code).toBe('SESSION_REQUIRED');
    }
    // Nothing was done: the account, the key and the receipt are all still there.
    expect((await http(api.baseUrl, 'GET', '/v1/me', { token: alice.token })).status).toBe(200);
    expect((await withKey(key, 'GET', `/v1/receipts/${receiptId}`)).status).toBe(200);
  });

  it('uploads, watches events and exports with keys of the right scope', async () => {
    const writer = await createKey(alice, ['receipts:write']);
    const reader = await createKey(alice, ['receipts:read']);
    const exporter = await createKey(alice, ['exports']);
    const image = await readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.jpg'));

    const upload = await uploadFile(api.baseUrl, image, { headers: { 'x-api-key': writer.key } });
    expect(upload.status).toBe(202);
    expect(
      (await uploadFile(api.baseUrl, image, { headers: { 'x-api-key': reader.key } })).status,
    ).toBe(403);

    const events = `${api.baseUrl}${upload.body.links.events}`;
    const stream = await readSse(events, {
      headers: { 'x-api-key': reader.key },
      stopWhen: (e) => e.event === 'state',
      timeoutMs: 10_000,
    });
    expect(stream.status).toBe(200);
    expect(stream.events[0]).toMatchObject({ event: 'state', data: { receiptId: upload.body.id } });
    const refused = await readSse(events, { token: writer.key, timeoutMs: 10_000 });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('INSUFFICIENT_SCOPE');

    const csv = await withKey(exporter.key, 'GET', '/v1/exports/receipts.csv', 'bearer');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(MARKER);
    expect((await withKey(reader.key, 'GET', '/v1/exports/receipts.csv')).body.code).toBe(
      'INSUFFICIENT_SCOPE',
    );

    const hooks = await createKey(alice, ['webhooks']);
    expect((await withKey(hooks.key, 'GET', '/v1/webhooks')).status).toBe(200);
  });

  it('refuses unknown and malformed keys with 401 API_KEY_INVALID', async () => {
    const fake = `rv_${'A'.repeat(43)}`;
    for (const [form, value] of [
      ['x-api-key', fake],
      ['bearer', fake],
      ['x-api-key', 'rv_short'],
      ['x-api-key', 'not-a-key'],
      ['x-api-key', ''],
    ] as const) {
      const res = await withKey(value, 'GET', '/v1/receipts', form);
      expect(res.status, value).toBe(401);
      expect(res.body.code, value).toBe('API_KEY_INVALID');
    }
  });

  it('a revoked key stops working at once, also when its validity was cached', async () => {
    const { key, id } = await createKey(alice, ['receipts:read']);
    expect((await withKey(key, 'GET', '/v1/receipts')).status).toBe(200);
    const revoked = await http(api.baseUrl, 'DELETE', `/v1/api-keys/${id}`, { token: alice.token });
    expect(revoked.status).toBe(204);
    for (const form of ['x-api-key', 'bearer'] as const) {
      const res = await withKey(key, 'GET', '/v1/receipts', form);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('API_KEY_REVOKED');
    }
    // Revoking again is harmless; the list keeps it, marked.
    expect(
      (await http(api.baseUrl, 'DELETE', `/v1/api-keys/${id}`, { token: alice.token })).status,
    ).toBe(204);
    const list = await http(api.baseUrl, 'GET', '/v1/api-keys', { token: alice.token });
    expect(list.body.find((k: { id: string }) => k.id === id).revokedAt).not.toBeNull();
  });

  it('an expired key stops working at its expiry, also when its validity was cached', async () => {
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const { key } = await createKey(alice, ['receipts:read'], { expiresAt });
    expect((await withKey(key, 'GET', '/v1/receipts')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(expiresAt) - Date.now() + 50));
    const res = await withKey(key, 'GET', '/v1/receipts');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('API_KEY_EXPIRED');
  });

  it("another user's key id is answered exactly like a missing one, and stays usable", async () => {
    const { key, id } = await createKey(alice, ['receipts:read']);
    const stranger = await http(api.baseUrl, 'DELETE', `/v1/api-keys/${id}`, { token: bob.token });
    const missing = await http(api.baseUrl, 'DELETE', `/v1/api-keys/${randomUUID()}`, {
      token: bob.token,
    });
    const malformed = await http(api.baseUrl, 'DELETE', '/v1/api-keys/not-a-uuid', {
      token: bob.token,
    });
    for (const res of [stranger, missing, malformed]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('API_KEY_NOT_FOUND');
    }
    expect(stranger.body.message).toBe(missing.body.message);
    const bobsList = await http(api.baseUrl, 'GET', '/v1/api-keys', { token: bob.token });
    expect(bobsList.text).not.toContain(id);
    expect((await withKey(key, 'GET', '/v1/receipts')).status).toBe(200);
  });

  it('limits each key on its own: 429 RATE_LIMITED past the limit, other keys and sessions unaffected', async () => {
    const busy = await createKey(alice, ['receipts:read']);
    const calm = await createKey(alice, ['receipts:read']);
    for (let i = 0; i < RATE_LIMIT; i++) {
      // Spread over routes: the budget is per key, not per route.
      const path = i % 2 ? '/v1/tags' : '/v1/receipts';
      const res = await withKey(busy.key, 'GET', path, i % 3 ? 'x-api-key' : 'bearer');
      expect(res.status, `request ${i + 1}`).toBe(200);
    }
    const limited = await withKey(busy.key, 'GET', '/v1/receipts/stats');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await withKey(calm.key, 'GET', '/v1/receipts')).status).toBe(200);
    expect((await http(api.baseUrl, 'GET', '/v1/receipts', { token: alice.token })).status).toBe(
      200,
    );
  });

  it('caps the usable keys of a user with 409 API_KEY_LIMIT_REACHED', async () => {
    const carol = await registerUser(api.baseUrl);
    const keys = [];
    for (let i = 0; i < 50; i++) keys.push(await createKey(carol, ['exports']));
    const over = await http(api.baseUrl, 'POST', '/v1/api-keys', {
      token: carol.token,
      body: { name: 'one more', scopes: ['exports'] },
    });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('API_KEY_LIMIT_REACHED');
    // A revoked key no longer counts.
    await http(api.baseUrl, 'DELETE', `/v1/api-keys/${keys[0].id}`, { token: carol.token });
    await createKey(carol, ['exports']);
  });

  it('deleting the account ends its keys at once', async () => {
    const dave = await registerUser(api.baseUrl);
    const { key } = await createKey(dave, ['receipts:read']);
    expect((await withKey(key, 'GET', '/v1/receipts')).status).toBe(200);
    expect((await http(api.baseUrl, 'DELETE', '/v1/me', { token: dave.token })).status).toBe(204);
    const res = await withKey(key, 'GET', '/v1/receipts');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('API_KEY_INVALID');
    expect(await countKeys(dave.id)).toBe(0);
  });
});
