import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReceipt } from '../factories/receipt.factory.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';

/** Bodies for routes that validate one before looking the receipt or tag up. */
const BODIES: Record<string, unknown> = {
  'PATCH /v1/receipts/{id}': { note: 'mine now' },
  'POST /v1/receipts/{id}/tags': { name: 'stolen' },
  'PATCH /v1/tags/{tagId}': { name: 'renamed' },
};

/** The routes of receipts and tags (issue 9) and API keys (issue 10); webhooks keep their own. */
const OWNED = /^\/v1\/(receipts|tags|trash|exports|me|api-keys)(\/|$)/;

interface Operation {
  method: string;
  path: string;
}

/**
 * Every route of the OpenAPI document that names a receipt or a tag, called by another user:
 * each must answer exactly as for an id that does not exist (404, same code and message), and
 * change nothing. Collection routes must not leak the owner's data. A new route is covered as
 * soon as it is in /docs.
 */
describe('ownership matrix: every route', () => {
  let api: TestApp;
  let env: Record<string, string>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let receiptId: string;
  let tagId: string;
  let apiKeyId: string;
  let operations: Operation[];
  const MARKER = 'ALICE-PRIVATE-MERCHANT';
  const KEY_NAME = 'ALICE-PRIVATE-KEY';

  beforeAll(async () => {
    env = await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
    [alice, bob] = await Promise.all([registerUser(api.baseUrl), registerUser(api.baseUrl)]);
    receiptId = await seedReceipt(env.DATABASE_URL, {
      ownerId: alice.id,
      columns: { merchant_name: MARKER },
      storageDir: env.STORAGE_DIR,
    });
    await http(api.baseUrl, 'POST', `/v1/receipts/${receiptId}/tags`, {
      token: alice.token,
      body: { name: 'private' },
    });
    tagId = (await http(api.baseUrl, 'GET', '/v1/tags', { token: alice.token })).body.items[0].id;
    const key = await http(api.baseUrl, 'POST', '/v1/api-keys', {
      token: alice.token,
      body: { name: KEY_NAME, scopes: ['receipts:read'] },
    });
    apiKeyId = key.body.id;
    const doc = (await http(api.baseUrl, 'GET', '/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  const call = (
    op: Operation,
    ids: { receipt: string; tag: string; apiKey: string },
    token: string,
  ) => {
    const path = op.path
      .replace('{id}', op.path.startsWith('/v1/api-keys/') ? ids.apiKey : ids.receipt)
      .replace('{tagId}', ids.tag)
      .replace('{name}', 'private');
    const key = `${op.method} ${op.path}`;
    return http(api.baseUrl, op.method, path, {
      token,
      body: BODIES[key],
      headers: op.method === 'PATCH' ? { 'if-match': '*' } : {},
    });
  };
  const comparable = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;

  it('covers the routes of this issue (sanity: the document was read)', () => {
    const named = operations
      .filter((op) => /\{(id|tagId)\}/.test(op.path))
      .map((op) => `${op.method} ${op.path}`);
    expect(named).toEqual(
      expect.arrayContaining([
        'GET /v1/receipts/{id}',
        'PATCH /v1/receipts/{id}',
        'DELETE /v1/receipts/{id}',
        'GET /v1/receipts/{id}/history',
        'POST /v1/receipts/{id}/confirm',
        'POST /v1/receipts/{id}/reextract',
        'POST /v1/receipts/{id}/not-duplicate',
        'POST /v1/receipts/{id}/restore',
        'POST /v1/receipts/{id}/tags',
        'DELETE /v1/receipts/{id}/tags/{name}',
        'PATCH /v1/tags/{tagId}',
        'DELETE /v1/tags/{tagId}',
        'DELETE /v1/api-keys/{id}',
      ]),
    );
  });

  it("another user's receipt or tag is answered exactly like a missing one, on every route", async () => {
    const named = operations.filter((op) => /\{(id|tagId)\}/.test(op.path) && OWNED.test(op.path));
    for (const op of named) {
      const stranger = await call(
        op,
        { receipt: receiptId, tag: tagId, apiKey: apiKeyId },
        bob.token,
      );
      const missing = await call(
        op,
        { receipt: randomUUID(), tag: randomUUID(), apiKey: randomUUID() },
        bob.token,
      );
      const label = `${op.method} ${op.path}`;
      expect(stranger.status, label).toBe(404);
      expect(comparable(stranger.body), label).toEqual(comparable(missing.body));
    }
    // The permanent form of DELETE takes another path (a purge): refused alike, nothing gone.
    const purge = { method: 'DELETE', path: '/v1/receipts/{id}?permanent=true' };
    const strangerPurge = await call(
      purge,
      { receipt: receiptId, tag: tagId, apiKey: apiKeyId },
      bob.token,
    );
    const missingPurge = await call(
      purge,
      { receipt: randomUUID(), tag: tagId, apiKey: apiKeyId },
      bob.token,
    );
    expect(strangerPurge.status).toBe(404);
    expect(comparable(strangerPurge.body)).toEqual(comparable(missingPurge.body));
    expect(existsSync(join(env.STORAGE_DIR, alice.id, `${receiptId}.jpg`))).toBe(true);
    // Nothing changed for the owner.
    const own = await http(api.baseUrl, 'GET', `/v1/receipts/${receiptId}`, { token: alice.token });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ note: null, tags: ['private'], deletedAt: null });
    const history = await http(api.baseUrl, 'GET', `/v1/receipts/${receiptId}/history`, {
      token: alice.token,
    });
    expect(history.body.items).toHaveLength(1);
    const keys = await http(api.baseUrl, 'GET', '/v1/api-keys', { token: alice.token });
    expect(keys.body).toMatchObject([{ id: apiKeyId, revokedAt: null }]);
  });

  it('collection routes never show another user’s receipts or tags', async () => {
    const collections = operations.filter(
      (op) => op.method === 'GET' && OWNED.test(op.path) && !op.path.includes('{'),
    );
    expect(collections.length).toBeGreaterThanOrEqual(7);
    for (const op of collections) {
      const res = await call(op, { receipt: '', tag: '', apiKey: '' }, bob.token);
      expect(res.status, op.path).toBe(200);
      for (const secret of [receiptId, tagId, MARKER, apiKeyId, KEY_NAME]) {
        expect(res.text.includes(secret), `${op.path} leaks ${secret}`).toBe(false);
      }
    }
  });
});
