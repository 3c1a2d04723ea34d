import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReceipt } from '../factories/receipt.factory.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { queryDatabase } from '../utils/query-database.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';

/** What an older parser might have left: no total read. */
const FORGET_TOTAL = `UPDATE receipts SET total = NULL,
  record = jsonb_set(record, '{total}', '{"value": null, "confidence": 0, "source": null}')
  WHERE owner_id = $1`;

describe('reextract --all (admin command)', () => {
  let api: TestApp;
  let env: Record<string, string>;
  let ann: RegisteredUser;

  beforeAll(async () => {
    env = await useTestEnv({ THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
    ann = await registerUser(api.baseUrl);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('re-parses every finished receipt in batches, keeping corrections, skipping the trash', async () => {
    const ids = await Promise.all(
      Array.from({ length: 5 }, () => seedReceipt(env.DATABASE_URL, { ownerId: ann.id })),
    );
    const trashed = await seedReceipt(env.DATABASE_URL, {
      ownerId: ann.id,
      columns: { deleted_at: new Date() },
    });
    const read = await http(api.baseUrl, 'GET', `/v1/receipts/${ids[0]}`, { token: ann.token });
    const corrected = await http(api.baseUrl, 'PATCH', `/v1/receipts/${ids[0]}`, {
      token: ann.token,
      body: { merchantName: 'Kettle' },
      headers: { 'if-match': read.headers.get('etag')! },
    });
    expect(corrected.status).toBe(200);
    await queryDatabase(env.DATABASE_URL, FORGET_TOTAL, [ann.id]);

    const { reextractAll } = await import('../../src/receipts/cli/reextract-all.command.js');
    const summary = await reextractAll(2);
    expect(summary).toEqual({ total: 5, done: 5, failed: 0 });

    const rows = await queryDatabase(
      env.DATABASE_URL,
      'SELECT id, total, merchant_name FROM receipts WHERE owner_id = $1',
      [ann.id],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const id of ids) expect(byId.get(id).total).toBe('15.88');
    expect(byId.get(ids[0]).merchant_name).toBe('Kettle');
    expect(byId.get(trashed).total).toBeNull();
    const history = await http(api.baseUrl, 'GET', `/v1/receipts/${ids[1]}/history`, {
      token: ann.token,
    });
    expect(history.body.items).toEqual([
      expect.objectContaining({ action: 'reextract', actorId: null }),
    ]);
  });
});
