import { describe, expect, it } from 'vitest';

import { AppError, ErrorCode } from '../common/errors/index.js';
import { EnginePool } from './engine-pool.js';

/** An engine whose jobs finish only when told to, and which records being terminated. */
class FakeEngine {
  terminated = false;
  constructor(readonly id: number) {}
  terminate(): Promise<void> {
    this.terminated = true;
    return Promise.resolve();
  }
}

function poolOf(engines: FakeEngine[], jobTimeoutMs = 60_000) {
  return new EnginePool({ size: 1, recycleAfterJobs: 10, jobTimeoutMs }, () => {
    const engine = new FakeEngine(engines.length + 1);
    engines.push(engine);
    return Promise.resolve(engine);
  });
}

const never = () => new Promise<never>(() => undefined);

describe('EnginePool', () => {
  it('reuses an engine that finished its job', async () => {
    const engines: FakeEngine[] = [];
    const pool = poolOf(engines);
    expect(await pool.run((engine) => Promise.resolve(engine.id))).toBe(1);
    expect(await pool.run((engine) => Promise.resolve(engine.id))).toBe(1);
    expect(engines).toHaveLength(1);
    await pool.close();
    expect(engines[0].terminated).toBe(true);
  });

  it('replaces an engine after a job run with retire, before its job count is reached', async () => {
    const engines: FakeEngine[] = [];
    const pool = poolOf(engines);
    expect(await pool.run((engine) => Promise.resolve(engine.id), { retire: true })).toBe(1);
    expect(engines[0].terminated).toBe(true);
    expect(await pool.run((engine) => Promise.resolve(engine.id))).toBe(2);
    expect(await pool.run((engine) => Promise.resolve(engine.id))).toBe(2);
    expect(engines[1].terminated).toBe(false);
    await pool.close();
  });

  it('terminates the engine when the caller aborts mid-job, and starts a fresh one next', async () => {
    const engines: FakeEngine[] = [];
    const pool = poolOf(engines);
    const controller = new AbortController();
    const stuck = pool.run(never, { signal: controller.signal });
    controller.abort();
    await expect(stuck).rejects.toMatchObject({ code: ErrorCode.TIMEOUT });
    expect(engines[0].terminated).toBe(true);
    expect(await pool.run((engine) => Promise.resolve(engine.id))).toBe(2);
    await pool.close();
  });

  it("keeps an AppError given as the abort reason (the receipt's own deadline)", async () => {
    const pool = poolOf([]);
    const controller = new AbortController();
    const reason = new AppError(ErrorCode.TIMEOUT, 'Extraction did not finish within 5 ms.');
    controller.abort(reason);
    await expect(pool.run(never, { signal: controller.signal })).rejects.toBe(reason);
    await pool.close();
  });

  it('terminates the engine past the deadline; an engine failure is OCR_FAILED', async () => {
    const engines: FakeEngine[] = [];
    const pool = poolOf(engines, 20);
    await expect(pool.run(never)).rejects.toMatchObject({ code: ErrorCode.TIMEOUT });
    expect(engines[0].terminated).toBe(true);
    await expect(pool.run(() => Promise.reject(new Error('boom')))).rejects.toMatchObject({
      code: ErrorCode.OCR_FAILED,
    });
    expect(engines[1].terminated).toBe(true);
    await pool.close();
  });
});
