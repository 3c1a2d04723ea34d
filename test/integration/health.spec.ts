import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { createTestWorker } from '../utils/create-test-worker.js';
import { http } from '../utils/http.js';
import { pollUntil } from '../utils/poll-until.js';
import { startPostgres, type PostgresHandle } from '../utils/start-postgres.js';
import { startRedis, type RedisHandle } from '../utils/start-redis.js';
import { useTestEnv } from '../utils/test-env.js';

// This file owns its PostgreSQL and Redis so it can stop and restart them.
describe('health probes', () => {
  let postgres: PostgresHandle;
  let redis: RedisHandle;
  let api: TestApp;
  let worker: INestApplicationContext;

  const ready = () => http(api.baseUrl, 'GET', '/health/ready');
  const live = () => http(api.baseUrl, 'GET', '/health/live');

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const admin = new pg.Client({ connectionString: postgres.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE rv_test_health');
    await admin.end();
    await useTestEnv({
      DATABASE_URL: postgres.url('rv_test_health'),
      REDIS_URL: redis.url,
      WORKER_HEARTBEAT_MS: '500',
      WORKER_STALE_AFTER_MS: '3000',
      HEALTH_CHECK_TIMEOUT_MS: '500',
    });
    worker = await createTestWorker();
    api = await createTestApp();
  });

  afterAll(async () => {
    await api?.close();
    await worker?.close();
    await Promise.all([postgres?.teardown(), redis?.teardown()]);
  });

  it('liveness is 200 and touches nothing', async () => {
    const res = await live();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('readiness is 200 with every check up', async () => {
    const res = await pollUntil(ready, (r) => r.status === 200);
    expect(res.body.status).toBe('ok');
    expect(Object.keys(res.body.details).sort()).toEqual([
      'database',
      'queue',
      'redis',
      'storage',
      'worker',
    ]);
    for (const check of Object.values(res.body.details))
      expect(check).toMatchObject({ status: 'up' });
  });

  it('turns 503 naming Redis within 5 s of Redis stopping, while liveness stays 200, and recovers', async () => {
    await redis.stop();
    const started = Date.now();
    const down = await pollUntil(ready, (r) => r.status === 503, { timeoutMs: 5000 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(down.body.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(down.body.details.error).toHaveProperty('redis');
    expect(down.body.details.details.redis.status).toBe('down');
    expect(down.body.details.details.database.status).toBe('up');
    expect((await live()).status).toBe(200);

    await redis.start();
    const up = await pollUntil(ready, (r) => r.status === 200, { timeoutMs: 15_000 });
    expect(up.body.details.redis.status).toBe('up');
  });

  it('turns 503 naming the database when PostgreSQL stops, and recovers', async () => {
    await postgres.stop();
    const down = await pollUntil(ready, (r) => r.status === 503, { timeoutMs: 5000 });
    expect(down.body.details.error).toHaveProperty('database');
    expect(down.body.details.details.redis.status).toBe('up');
    expect((await live()).status).toBe(200);

    await postgres.start();
    const up = await pollUntil(ready, (r) => r.status === 200, { timeoutMs: 15_000 });
    expect(up.body.details.database.status).toBe('up');
  });

  it('reports a missing worker heartbeat', async () => {
    await worker.close();
    const down = await pollUntil(ready, (r) => r.status === 503, { timeoutMs: 6000 });
    expect(down.body.details.error).toHaveProperty('worker');
    worker = await createTestWorker();
    await pollUntil(ready, (r) => r.status === 200, { timeoutMs: 5000 });
  });
});
