import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { listStoredFiles } from '../utils/list-stored-files.js';
import { queryDatabase } from '../utils/query-database.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';

const JPEG = readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.jpg'));

// Idempotency-Key on POST /v1/receipts, on the real app with real PostgreSQL and Redis (no
// worker: receipts stay queued).
describe('idempotent uploads', () => {
  let api: TestApp;
  let env: Record<string, string>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  /** A JPEG no one uploaded before (trailing bytes after its end make it unique). */
  const uniqueJpeg = async () => Buffer.concat([await JPEG, randomBytes(16)]);
  const upload = (user: RegisteredUser, data: Buffer, key?: string) =>
    uploadFile(api.baseUrl, data, {
      token: user.token,
      headers: key === undefined ? {} : { 'idempotency-key': key },
    });
  const receiptCount = async (user: RegisteredUser) =>
    (
      await queryDatabase(
        env.DATABASE_URL,
        'SELECT count(*)::int AS n FROM receipts WHERE owner_id = $1',
        [user.id],
      )
    )[0].n as number;
  const staging = async () =>
    (await listStoredFiles(env.STORAGE_DIR)).filter((f) => f.startsWith('.incoming'));

  beforeAll(async () => {
    env = await useTestEnv();
    api = await createTestApp();
    [alice, bob] = await Promise.all([registerUser(api.baseUrl), registerUser(api.baseUrl)]);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers a retry with the original response and creates no second receipt', async () => {
    const key = randomUUID();
    const data = await uniqueJpeg();
    const before = await receiptCount(alice);
    const first = await upload(alice, data, key);
    expect(first.status).toBe(202);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = await upload(alice, data, key);
    expect(retry.status).toBe(202);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('location')).toBe(`/v1/receipts/${first.body.id}`);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await receiptCount(alice)).toBe(before + 1);
    expect(await staging()).toEqual([]);
  });

  it('replays a 200 duplicate answer as 200', async () => {
    const data = await uniqueJpeg();
    const original = await upload(alice, data);
    const key = randomUUID();
    const dup = await upload(alice, data, key);
    expect(dup.status).toBe(200);
    expect(dup.body.duplicateOf).toBe(original.body.id);
    const again = await upload(alice, data, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(dup.body);
  });

  it('refuses the same key with different bytes: 422 IDEMPOTENCY_KEY_REUSED, nothing written', async () => {
    const key = randomUUID();
    await upload(alice, await uniqueJpeg(), key);
    const before = await receiptCount(alice);
    const other = await upload(alice, await uniqueJpeg(), key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await receiptCount(alice)).toBe(before);
    expect(await staging()).toEqual([]);
  });

  it('creates one receipt for concurrent requests with one key, all answered alike', async () => {
    const key = randomUUID();
    const data = await uniqueJpeg();
    const before = await receiptCount(alice);
    const answers = await Promise.all(Array.from({ length: 6 }, () => upload(alice, data, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(202));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
    expect(await receiptCount(alice)).toBe(before + 1);
  });

  it('keeps keys per user', async () => {
    const key = randomUUID();
    const data = await uniqueJpeg();
    const a = await upload(alice, data, key);
    const b = await upload(bob, data, key);
    expect(b.status).toBe(202);
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('frees the key when the upload fails, so a corrected retry goes through', async () => {
    const key = randomUUID();
    const refused = await upload(alice, Buffer.from('<html>not a receipt</html>'), key);
    expect(refused.status).toBe(415);
    const retry = await upload(alice, await uniqueJpeg(), key);
    expect(retry.status).toBe(202);
  });

  it.each([
    ['empty', ''],
    ['10 KB', 'k'.repeat(10 * 1024)],
    ['256 characters', 'k'.repeat(256)],
    ['non-ASCII', 'clé-1'],
    ['with a space', 'two words'],
  ])('refuses a key that is %s: 422 IDEMPOTENCY_KEY_INVALID, nothing written', async (_, key) => {
    const before = await receiptCount(alice);
    const res = await upload(alice, await uniqueJpeg(), key);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    expect(await receiptCount(alice)).toBe(before);
    expect(await staging()).toEqual([]);
  });
});
