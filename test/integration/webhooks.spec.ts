import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostResolver } from '../../src/webhooks/delivery/host-resolver.js';
import type { WebhookEmitter } from '../../src/webhooks/webhook-emitter.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { createTestWorker } from '../utils/create-test-worker.js';
import { http } from '../utils/http.js';
import { pollUntil } from '../utils/poll-until.js';
import { queryDatabase } from '../utils/query-database.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { startWebhookReceiver, type WebhookReceiver } from '../utils/start-webhook-receiver.js';
import { useTestEnv } from '../utils/test-env.js';
import { verifyWebhookSignature } from '../utils/verify-webhook-signature.js';

// Webhooks against a real receiver on 127.0.0.2 — the only private address the operator
// allow-list opens here — so every other private, loopback and link-local target must be
// refused. Refusals happen before any connection: registration never connects at all, and
// deliveries connect only to addresses the guard has just checked.
describe('webhooks', () => {
  let api: TestApp;
  let worker: INestApplicationContext;
  let receiver: WebhookReceiver;
  let user: RegisteredUser;
  let env: Record<string, string>;
  /** Names the test invents, answered by the resolver seam of the API and of the worker. */
  const apiDns = new Map<string, string[]>();
  const workerDns = new Map<string, string[]>();

  const call = (method: string, path: string, body?: unknown, token = user.token) =>
    http(api.baseUrl, method, path, { token, body });

  const create = (url: string, events = ['receipt.completed']) =>
    call('POST', '/v1/webhooks', { url, events });

  function answerFrom(dns: Map<string, string[]>, resolver: HostResolver) {
    const real = resolver.resolve.bind(resolver);
    resolver.resolve = async (hostname: string) => {
      const addresses = dns.get(hostname);
      if (!addresses) return real(hostname);
      return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
  }

  async function emit(type = 'receipt.completed') {
    const emitter = api.app.get<WebhookEmitter>(
      (await import('../../src/webhooks/webhook-emitter.js')).WebhookEmitter,
    );
    const receiptId = randomUUID();
    await emitter.emit(type as 'receipt.completed', {
      id: receiptId,
      ownerId: user.id,
      status: type === 'receipt.failed' ? 'failed' : 'completed',
      merchantName: 'CORNER CAFE',
      receiptDate: '2024-03-15',
      total: '42.50',
      currency: 'GBP',
      reviewIssues: [],
      errorCode: null,
      errorMessage: null,
    });
    return receiptId;
  }

  const deliveries = async (webhookId: string) =>
    (await call('GET', `/v1/webhooks/${webhookId}/deliveries`)).body as any[];

  beforeAll(async () => {
    receiver = await startWebhookReceiver('127.0.0.2');
    env = await useTestEnv({
      WEBHOOK_ALLOW_PRIVATE_HOSTS: '127.0.0.2',
      WEBHOOK_BACKOFF_MS: '100',
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_TIMEOUT_MS: '1000',
    });
    api = await createTestApp();
    worker = await createTestWorker();
    const { HostResolver } = await import('../../src/webhooks/delivery/host-resolver.js');
    answerFrom(apiDns, api.app.get(HostResolver));
    answerFrom(workerDns, worker.get(HostResolver));
    user = await registerUser(api.baseUrl);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver?.close();
  });

  it('registers a webhook, shows its secret once, and delivers a signed event', async () => {
    const created = await create(`${receiver.url}/ok`, ['receipt.completed', 'receipt.failed']);
    expect(created.status).toBe(201);
    const { id, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    expect(created.body).toMatchObject({
      url: `${receiver.url}/ok`,
      events: ['receipt.completed', 'receipt.failed'],
    });

    const listed = await call('GET', '/v1/webhooks');
    expect(listed.body).toEqual([expect.objectContaining({ id })]);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    expect((await call('GET', `/v1/webhooks/${id}`)).body).not.toHaveProperty('secret');

    const receiptId = await emit('receipt.completed');
    const [hit] = await receiver.waitFor('/ok', 1);
    expect(hit.headers['content-type']).toBe('application/json');
    expect(verifyWebhookSignature(secret, hit.headers, hit.body)).toBe(true);
    expect(verifyWebhookSignature(secret, hit.headers, hit.body.replace('42.50', '4250.00'))).toBe(
      false,
    );
    expect(Math.abs(Number(hit.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);
    const event = JSON.parse(hit.body);
    expect(event).toEqual({
      id: hit.headers['webhook-id'],
      type: 'receipt.completed',
      timestamp: expect.any(String),
      data: {
        receipt: {
          id: receiptId,
          status: 'completed',
          summary: {
            merchantName: 'CORNER CAFE',
            date: '2024-03-15',
            total: '42.50',
            currency: 'GBP',
          },
          reviewIssues: [],
          error: null,
          links: { self: `/v1/receipts/${receiptId}` },
        },
      },
    });

    const log = await pollUntil(
      () => deliveries(id),
      (rows) => rows[0]?.status === 'succeeded',
    );
    expect(log[0]).toMatchObject({
      eventId: event.id,
      eventType: 'receipt.completed',
      status: 'succeeded',
      attempts: 1,
      statusCode: 200,
      responseBody: 'ok',
      nextRetryAt: null,
      deliveredAt: expect.any(String),
    });
    expect(log[0].durationMs).toBeGreaterThanOrEqual(0);

    // Only subscribed events are sent.
    await emit('receipt.needs_review');
    await emit('receipt.failed');
    const hits = await receiver.waitFor('/ok', 2);
    expect(hits.map((h) => JSON.parse(h.body).type)).toEqual([
      'receipt.completed',
      'receipt.failed',
    ]);
  });

  it('retries a receiver that answers 500, with the same event id, until it succeeds', async () => {
    receiver.answer('/flaky', (res, count) => {
      res.statusCode = count < 3 ? 500 : 204;
      res.end(count < 3 ? 'x'.repeat(5000) : '');
    });
    const { id } = (await create(`${receiver.url}/flaky`)).body;
    await emit();
    const hits = await receiver.waitFor('/flaky', 3);
    expect(new Set(hits.map((h) => h.headers['webhook-id'])).size).toBe(1);
    const [row] = await pollUntil(
      () => deliveries(id),
      (rows) => rows[0]?.status === 'succeeded',
    );
    expect(row).toMatchObject({ attempts: 3, statusCode: 204, error: null });
  });

  it('gives up after WEBHOOK_MAX_ATTEMPTS, keeps 1 KB of the answer, and redelivers on request', async () => {
    receiver.answer('/down', (res) => {
      res.statusCode = 503;
      res.end('y'.repeat(5000));
    });
    const { id } = (await create(`${receiver.url}/down`)).body;
    await emit();
    await receiver.waitFor('/down', 3);
    const [row] = await pollUntil(
      () => deliveries(id),
      (rows) => rows[0]?.status === 'failed',
    );
    expect(row).toMatchObject({
      attempts: 3,
      statusCode: 503,
      error: 'Answered 503',
      nextRetryAt: null,
    });
    expect(row.responseBody).toBe('y'.repeat(1024));

    receiver.answer('/down', (res) => res.end('back'));
    const again = await call('POST', `/v1/webhooks/${id}/deliveries/${row.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ eventId: row.eventId, status: 'pending', attempts: 0 });
    const hits = await receiver.waitFor('/down', 4);
    expect(hits[3].headers['webhook-id']).toBe(row.eventId);
    const log = await pollUntil(
      () => deliveries(id),
      (rows) => rows[0]?.status === 'succeeded',
    );
    expect(log.map((d) => d.status)).toEqual(['succeeded', 'failed']);
  });

  it('does not follow redirects (a redirect to an inside address goes nowhere)', async () => {
    receiver.answer('/moved', (res) => {
      res.statusCode = 302;
      res.setHeader('location', 'http://169.254.169.254/latest/meta-data/');
      res.end();
    });
    const { id } = (await create(`${receiver.url}/moved`)).body;
    await emit();
    const [row] = await pollUntil(
      () => deliveries(id),
      (rows) => rows[0]?.status === 'failed',
    );
    expect(row).toMatchObject({
      statusCode: 302,
      error: 'Answered 302; redirects are not followed',
    });
    expect(receiver.received.filter((r) => r.path === '/moved')).toHaveLength(3);
  });

  it('times a silent receiver out', async () => {
    receiver.answer('/silent', () => undefined);
    const { id } = (await create(`${receiver.url}/silent`)).body;
    await emit();
    const [row] = await pollUntil(
      () => deliveries(id),
      (rows) => rows[0]?.status === 'failed',
      { timeoutMs: 20_000 },
    );
    expect(row).toMatchObject({ statusCode: null, error: 'No answer within 1000 ms' });
    expect(row.durationMs).toBeGreaterThanOrEqual(1000);
  });

  it('connects to the address it checked: a name resolving to an allowed address is delivered', async () => {
    apiDns.set('hooks.test', ['127.0.0.2']);
    workerDns.set('hooks.test', ['127.0.0.2']);
    const port = new URL(receiver.url).port;
    const { id } = (await create(`http://hooks.test:${port}/named`)).body;
    await emit();
    const [hit] = await receiver.waitFor('/named', 1);
    expect(hit.headers.host).toBe(`hooks.test:${port}`);
    await pollUntil(
      () => deliveries(id),
      (rows) => rows[0]?.status === 'succeeded',
    );
  });

  it('refuses at delivery a name that resolves inside by then (DNS rebinding), without retrying', async () => {
    apiDns.set('rebind.test', ['127.0.0.2']);
    const port = new URL(receiver.url).port;
    const { id } = (await create(`http://rebind.test:${port}/rebound`)).body;
    workerDns.set('rebind.test', ['10.0.0.5']);
    await emit();
    const [row] = await pollUntil(
      () => deliveries(id),
      (rows) => rows[0]?.status === 'refused',
    );
    expect(row).toMatchObject({ attempts: 1, statusCode: null, nextRetryAt: null });
    expect(row.error).toContain('10.0.0.5');
    expect(receiver.received.filter((r) => r.path === '/rebound')).toHaveLength(0);
  });

  it.each([
    ['ftp://127.0.0.2/x', 'WEBHOOK_URL_INVALID'],
    ['not a url', 'WEBHOOK_URL_INVALID'],
    ['/relative/path', 'WEBHOOK_URL_INVALID'],
    ['http://user:pass@127.0.0.2/hook', 'WEBHOOK_URL_INVALID'],
    [`http://127.0.0.2/${'a'.repeat(2100)}`, 'WEBHOOK_URL_INVALID'],
    ['http://127.0.0.1/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://10.0.0.1/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://172.16.0.1/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://192.168.1.1/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://100.64.0.1/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://169.254.169.254/latest/meta-data/', 'WEBHOOK_URL_REFUSED'],
    ['http://0.0.0.0/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://[::1]/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://[fd00::1]/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://[fe80::1]/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://[::ffff:10.0.0.1]/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://[::ffff:169.254.169.254]/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://2130706433/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://localhost/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://internal.test/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://mixed.test/hook', 'WEBHOOK_URL_REFUSED'],
    ['http://empty.test/hook', 'WEBHOOK_URL_REFUSED'],
  ])('refuses %s with %s, storing nothing', async (url, code) => {
    apiDns.set('internal.test', ['10.1.2.3']);
    apiDns.set('mixed.test', ['127.0.0.2', '192.168.0.10']);
    apiDns.set('empty.test', []);
    const before = await queryDatabase(env.DATABASE_URL, 'SELECT count(*)::int AS n FROM webhooks');
    const res = await create(url);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe(code);
    const after = await queryDatabase(env.DATABASE_URL, 'SELECT count(*)::int AS n FROM webhooks');
    expect(after).toEqual(before);
  });

  it.each([
    [{ url: 'http://127.0.0.2/x', events: [] }],
    [{ url: 'http://127.0.0.2/x', events: ['receipt.exploded'] }],
    [{ url: 'http://127.0.0.2/x' }],
    [{ events: ['receipt.completed'] }],
    [{ url: 'http://127.0.0.2/x', events: ['receipt.completed'], secret: 'mine' }],
  ])('validates the body: %j → 422 VALIDATION_FAILED', async (body) => {
    const res = await call('POST', '/v1/webhooks', body);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('keeps webhooks to their owner, and deletes one with its log', async () => {
    const { id } = (await create(`${receiver.url}/mine`)).body;
    const other = await registerUser(api.baseUrl);
    for (const [method, path] of [
      ['GET', `/v1/webhooks/${id}`],
      ['GET', `/v1/webhooks/${id}/deliveries`],
      ['DELETE', `/v1/webhooks/${id}`],
      ['POST', `/v1/webhooks/${id}/deliveries/${randomUUID()}/redeliver`],
    ]) {
      const res = await call(method, path, undefined, other.token);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.code).toBe('WEBHOOK_NOT_FOUND');
    }
    expect((await call('GET', '/v1/webhooks', undefined, other.token)).body).toEqual([]);
    expect((await call('GET', '/v1/webhooks/not-a-uuid')).body.code).toBe('WEBHOOK_NOT_FOUND');

    await emit();
    await receiver.waitFor('/mine', 1);
    expect((await call('DELETE', `/v1/webhooks/${id}`)).status).toBe(204);
    expect((await call('GET', `/v1/webhooks/${id}`)).status).toBe(404);
    const rows = await queryDatabase(
      env.DATABASE_URL,
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE webhook_id = '${id}'`,
    );
    expect(rows).toEqual([{ n: 0 }]);
  });
});
