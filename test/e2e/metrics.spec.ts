import type { INestApplicationContext } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { createTestWorker } from '../utils/create-test-worker.js';
import { freePort } from '../utils/free-port.js';
import { http } from '../utils/http.js';
import { loadSroieReceipt } from '../utils/load-sroie-receipt.js';
import { parsePrometheus, sampleValue, type Sample } from '../utils/parse-prometheus.js';
import { pollUntil } from '../utils/poll-until.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';
import { waitForReceipt } from '../utils/wait-for-receipt.js';

const TOKEN = 'metrics-token-for-the-e2e-test';
const RECEIPTS = ['X51008099044', 'X51006008197'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const STAGES = ['preparing', 'reading', 'extracting', 'saving'];

// Real receipts through the real worker, then both processes' expositions parsed.
describe('Prometheus metrics after real receipts', () => {
  let api: TestApp;
  let worker: INestApplicationContext;
  let workerMetricsUrl: string;
  let user: RegisteredUser;
  let ids: string[];

  const scrape = async (url: string, token = TOKEN) =>
    fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const samples = async (url: string): Promise<Sample[]> => {
    const res = await scrape(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return parsePrometheus(await res.text());
  };

  beforeAll(async () => {
    const metricsPort = await freePort();
    await useTestEnv({
      METRICS_TOKEN: TOKEN,
      METRICS_PORT: String(metricsPort),
      WORKER_CONCURRENCY: '1',
      OCR_POOL_SIZE: '1',
      WORKER_HEARTBEAT_MS: '500',
    });
    workerMetricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    worker = await createTestWorker();
    api = await createTestApp();
    user = await registerUser(api.baseUrl);

    ids = [];
    for (const id of RECEIPTS) {
      const receipt = await loadSroieReceipt(id);
      const res = await uploadFile(api.baseUrl, receipt.image, { token: user.token });
      expect(res.status).toBe(202);
      ids.push(res.body.id as string);
    }
    // The same bytes again (duplicate) and a text file (refused by its magic bytes).
    const again = await uploadFile(api.baseUrl, (await loadSroieReceipt(RECEIPTS[0])).image, {
      token: user.token,
    });
    expect(again.status).toBe(200);
    const text = await readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.txt'));
    expect((await uploadFile(api.baseUrl, text, { token: user.token })).status).toBe(415);

    for (const id of ids) await waitForReceipt(api.baseUrl, id, user.token);
    // Finished receipts are cached: the first read fills the cache, the second hits it.
    await http(api.baseUrl, 'GET', `/v1/receipts/${ids[0]}`, { token: user.token });
    await http(api.baseUrl, 'GET', `/v1/receipts/${ids[0]}`, { token: user.token });
  });

  afterAll(async () => {
    await api?.close();
    await worker?.close();
  });

  it('refuses a missing or wrong token on both listeners', async () => {
    for (const url of [`${api.baseUrl}/metrics`, workerMetricsUrl]) {
      expect((await fetch(url)).status, url).toBe(401);
      expect((await scrape(url, 'not-the-metrics-token')).status, url).toBe(401);
    }
    // The worker's liveness path answers without a token and without figures.
    const live = await fetch(workerMetricsUrl.replace('/metrics', '/live'));
    expect(live.status).toBe(200);
    expect(await live.text()).toBe('ok');
    // A user's access token is not the metrics token.
    expect((await scrape(`${api.baseUrl}/metrics`, user.token)).status).toBe(401);
  });

  it('API: requests by route template, uploads by outcome, queues, workers, cache, runtime', async () => {
    const api_ = await samples(`${api.baseUrl}/metrics`);
    const count = (route: string, method: string, status: string) =>
      sampleValue(api_, 'rv_http_request_duration_seconds_count', {
        route,
        method,
        status_code: status,
      });
    expect(count('/v1/receipts', 'POST', '202')).toBe(2);
    expect(count('/v1/receipts', 'POST', '200')).toBe(1);
    expect(count('/v1/receipts', 'POST', '415')).toBe(1);
    expect(count('/v1/receipts/:id', 'GET', '200')).toBeGreaterThanOrEqual(4);

    expect(sampleValue(api_, 'rv_uploads_total', { outcome: 'accepted', code: 'none' })).toBe(2);
    expect(sampleValue(api_, 'rv_uploads_total', { outcome: 'duplicate', code: 'none' })).toBe(1);
    expect(
      sampleValue(api_, 'rv_uploads_total', { outcome: 'refused', code: 'UNSUPPORTED_MEDIA_TYPE' }),
    ).toBe(1);

    for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed', 'paused']) {
      expect(sampleValue(api_, 'rv_queue_jobs', { queue: 'receipts', state }), state).toBe(0);
    }
    expect(sampleValue(api_, 'rv_workers_alive')).toBe(1);
    // Two reads after the one that filled the cache (a read racing the worker's invalidation
    // may miss once more, hence at least one).
    expect(
      sampleValue(api_, 'rv_cache_requests_total', { cache: 'receipt', result: 'hit' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sampleValue(api_, 'rv_cache_requests_total', { cache: 'receipt', result: 'miss' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sampleValue(api_, 'rv_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sampleValue(api_, 'rv_process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
  });

  it('worker: stage durations, outcomes, OCR confidence, field fill, heartbeats', async () => {
    const worker_ = await samples(workerMetricsUrl);
    for (const stage of STAGES) {
      expect(
        sampleValue(worker_, 'rv_receipt_stage_duration_seconds_count', { stage }),
        stage,
      ).toBe(2);
    }
    const finished = worker_.filter((s) => s.name === 'rv_receipt_jobs_finished_total');
    expect(finished.reduce((sum, s) => sum + s.value, 0)).toBe(2);
    expect(finished.every((s) => ['completed', 'needs_review'].includes(s.labels.outcome))).toBe(
      true,
    );
    expect(sampleValue(worker_, 'rv_ocr_mean_confidence_count', { engine: 'tesseract' })).toBe(2);
    const confidenceSum = sampleValue(worker_, 'rv_ocr_mean_confidence_sum', {
      engine: 'tesseract',
    })!;
    expect(confidenceSum / 2).toBeGreaterThan(0.5);
    expect(confidenceSum / 2).toBeLessThanOrEqual(1);
    // Both receipts' totals and dates were read (the e2e flow test checks their values).
    expect(
      sampleValue(worker_, 'rv_receipt_fields_total', { field: 'total', filled: 'true' }),
    ).toBe(2);
    expect(sampleValue(worker_, 'rv_receipt_fields_total', { field: 'date', filled: 'true' })).toBe(
      2,
    );
    const beats = await pollUntil(
      async () => sampleValue(await samples(workerMetricsUrl), 'rv_worker_heartbeats_total') ?? 0,
      (n) => n >= 2,
    );
    expect(beats).toBeGreaterThanOrEqual(2);
    expect(sampleValue(worker_, 'rv_process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
  });

  it('keeps every label value bounded: no ids, emails or URLs with ids', async () => {
    const all = [
      ...(await samples(`${api.baseUrl}/metrics`)),
      ...(await samples(workerMetricsUrl)),
    ];
    for (const sample of all) {
      for (const value of Object.values(sample.labels)) {
        expect(value, `${sample.name} ${JSON.stringify(sample.labels)}`).not.toMatch(UUID);
        expect(value).not.toContain('@');
      }
    }
    expect(ids.length).toBe(2);
  });
});
