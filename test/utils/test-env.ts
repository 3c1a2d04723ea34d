import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createTestDatabase } from './create-test-database.js';

/**
 * Points this test file's process at its own database (cloned from the migrated template),
 * its own Redis key prefix and its own storage folder. Call before importing any app module:
 * configuration is validated when the config module is first imported.
 */
export async function useTestEnv(
  overrides: Record<string, string> = {},
): Promise<Record<string, string>> {
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: await createTestDatabase(),
    REDIS_URL: inject('redisUrl'),
    REDIS_KEY_PREFIX: `t${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(48).toString('base64'),
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'rv-storage-')),
    // Expected warnings (reused tokens, outages the tests cause) would drown the test report.
    LOG_LEVEL: 'error',
    LOG_FORMAT: 'json',
    HOST: '127.0.0.1',
    ...overrides,
  };
  Object.assign(process.env, env);
  return env;
}
