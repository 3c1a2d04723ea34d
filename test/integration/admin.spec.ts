import { getQueueToken } from '@nestjs/bull';
import Bull, { type Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIPTS_QUEUE, ReceiptJob } from '../../src/receipts/jobs/receipt-jobs.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { http } from '../utils/http.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { pollUntil } from '../utils/poll-until.js';
import { useTestEnv } from '../utils/test-env.js';

const PROMOTED_EMAIL = 'ops-lead@example.com';

describe('admin: role, queue routes and bull-board', () => {
  let api: TestApp;
  let queue: Queue;
  let first: RegisteredUser;
  let other: RegisteredUser;
  let promoted: RegisteredUser;
  let env: Record<string, string>;

  const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
    http(api.baseUrl, 'GET', path, { token, headers });
  const post = (path: string, token?: string) => http(api.baseUrl, 'POST', path, { token });

  beforeAll(async () => {
    // No METRICS_TOKEN in this file: /metrics must then not exist at all.
    env = await useTestEnv({
      ADMIN_EMAILS: ` ${PROMOTED_EMAIL.toUpperCase()} , nobody@example.com`,
    });
    api = await createTestApp();
    queue = api.app.get<Queue>(getQueueToken(RECEIPTS_QUEUE));
    first = await registerUser(api.baseUrl);
    other = await registerUser(api.baseUrl);
    promoted = await registerUser(api.baseUrl, PROMOTED_EMAIL);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('makes the first account an admin and nobody else, ADMIN_EMAILS aside', async () => {
    expect((await get('/v1/me', first.token)).body.role).toBe('admin');
    expect((await get('/v1/me', other.token)).body.role).toBe('user');
    // Stored role stays `user`; the list grants the rights.
    expect((await get('/v1/me', promoted.token)).body.role).toBe('user');
    expect((await get('/v1/admin/queues', promoted.token)).status).toBe(200);
  });

  it('refuses non-admins (403) and anonymous callers (401) on every admin route', async () => {
    const routes: [string, string][] = [
      ['GET', '/v1/admin/queues'],
      ['GET', '/v1/admin/jobs?state=failed'],
      ['POST', `/v1/admin/queues/${RECEIPTS_QUEUE}/pause`],
      ['POST', `/v1/admin/queues/${RECEIPTS_QUEUE}/resume`],
      ['POST', `/v1/admin/queues/${RECEIPTS_QUEUE}/retry-failed`],
      ['POST', `/v1/admin/queues/${RECEIPTS_QUEUE}/clean-completed`],
      ['GET', '/admin/queues'],
      ['GET', '/admin/queues/api/queues'],
      ['POST', '/admin/session'],
    ];
    for (const [method, path] of routes) {
      const forbidden = await http(api.baseUrl, method, path, { token: other.token });
      expect(forbidden.status, `${method} ${path} as a user`).toBe(403);
      expect(forbidden.body).toMatchObject({ code: 'FORBIDDEN', statusCode: 403 });
      expect(forbidden.body.requestId).toEqual(expect.any(String));
      const anonymous = await http(api.baseUrl, method, path);
      expect(anonymous.status, `${method} ${path} without a token`).toBe(401);
      expect(anonymous.body.code).toBe('UNAUTHORIZED');
    }
    expect(await queue.isPaused()).toBe(false);
  });

  it('lists every queue with counts per state', async () => {
    const res = await get('/v1/admin/queues', first.token);
    expect(res.status).toBe(200);
    // Every queue the app registers (receipts, webhooks, …), found without being listed.
    expect(res.body.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining([RECEIPTS_QUEUE, 'webhooks']),
    );
    expect(res.body.find((q: { name: string }) => q.name === RECEIPTS_QUEUE)).toEqual({
      name: RECEIPTS_QUEUE,
      paused: false,
      counts: { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0, paused: 0 },
    });
  });

  it('pauses and resumes a queue for every worker', async () => {
    const paused = await post(`/v1/admin/queues/${RECEIPTS_QUEUE}/pause`, first.token);
    expect(paused.status).toBe(200);
    expect(await queue.isPaused()).toBe(true);
    const queues = (await get('/v1/admin/queues', first.token)).body as {
      name: string;
      paused: boolean;
    }[];
    expect(queues.find((q) => q.name === RECEIPTS_QUEUE)?.paused).toBe(true);
    expect((await post(`/v1/admin/queues/${RECEIPTS_QUEUE}/resume`, first.token)).status).toBe(200);
    expect(await queue.isPaused()).toBe(false);
  });

  /** Runs one job through a real consumer (a stand-in for the worker) until it settles. */
  async function settle(fail: boolean): Promise<Bull.Job> {
    const consumer = new Bull(RECEIPTS_QUEUE, env.REDIS_URL, {
      prefix: `${env.REDIS_KEY_PREFIX}:bull`,
    });
    void consumer.process(ReceiptJob.PROCESS, async () => {
      if (fail) throw new Error('tesseract exploded');
      return 'done';
    });
    const job = await queue.add(ReceiptJob.PROCESS, { receiptId: randomUUID() }, { attempts: 1 });
    await pollUntil(
      () => job.getState(),
      (state) => state === 'failed' || state === 'completed',
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    await consumer.close();
    return job;
  }

  it('lists failed jobs with their reasons and retries them', async () => {
    const job = await settle(true);

    const failed = await get('/v1/admin/jobs?state=failed', first.token);
    expect(failed.status).toBe(200);
    expect(failed.body).toEqual([
      expect.objectContaining({
        queue: RECEIPTS_QUEUE,
        id: String(job.id),
        name: ReceiptJob.PROCESS,
        state: 'failed',
        failedReason: 'tesseract exploded',
      }),
    ]);
    expect(failed.body[0]).not.toHaveProperty('data');

    const retried = await post(`/v1/admin/queues/${RECEIPTS_QUEUE}/retry-failed`, first.token);
    expect(retried.body).toEqual({ queue: RECEIPTS_QUEUE, affected: 1 });
    expect(await (await queue.getJob(job.id))!.getState()).toBe('waiting');
    expect((await get('/v1/admin/jobs?state=failed', first.token)).body).toEqual([]);
    await (await queue.getJob(job.id))!.remove();
  });

  it('cleans completed jobs', async () => {
    const job = await settle(false);
    const cleaned = await post(`/v1/admin/queues/${RECEIPTS_QUEUE}/clean-completed`, first.token);
    expect(cleaned.body).toEqual({ queue: RECEIPTS_QUEUE, affected: 1 });
    expect(await queue.getJob(job.id)).toBeNull();
  });

  it('answers unknown queues and bad states with documented codes', async () => {
    const unknown = await post('/v1/admin/queues/nope/pause', first.token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('QUEUE_NOT_FOUND');
    const badState = await get('/v1/admin/jobs?state=exploded', first.token);
    expect(badState.status).toBe(422);
    expect(badState.body.code).toBe('VALIDATION_FAILED');
  });

  it('serves bull-board to an admin bearer token, and sends a browser without one to login', async () => {
    const page = await get('/admin/queues', first.token);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const api_ = await get('/admin/queues/api/queues', first.token);
    expect(api_.status).toBe(200);
    expect(api_.text).toContain(RECEIPTS_QUEUE);

    const browser = await fetch(`${api.baseUrl}/admin/queues`, {
      headers: { accept: 'text/html' },
      redirect: 'manual',
    });
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe('/admin/login');
    const login = await get('/admin/login');
    expect(login.status).toBe(200);
    expect(login.text).toContain('<form');
  });

  it('trades an admin token for an HttpOnly, SameSite=Strict cookie that opens bull-board', async () => {
    const session = await post('/admin/session', first.token);
    expect(session.status).toBe(204);
    const setCookie = session.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^rv_admin=[^;]+;/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/admin');
    const cookie = setCookie.split(';')[0];

    expect((await get('/admin/queues/api/queues', undefined, { cookie })).status).toBe(200);
    // The cookie opens bull-board only: the API proper still wants the bearer header.
    expect((await get('/v1/admin/queues', undefined, { cookie })).status).toBe(401);
    // A user's token in the cookie is still not an admin.
    const userCookie = `rv_admin=${other.token}`;
    expect((await get('/admin/queues/api/queues', undefined, { cookie: userCookie })).status).toBe(
      403,
    );
  });

  it('does not serve /metrics when no METRICS_TOKEN is configured', async () => {
    const res = await get('/metrics', first.token);
    expect(res.status).toBe(404);
  });
});
