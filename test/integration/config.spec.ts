import { describe, expect, it } from 'vitest';
import { createTestApp } from '../utils/create-test-app.js';
import { useTestEnv } from '../utils/test-env.js';

describe('boot with a bad configuration', () => {
  it('fails with a message that names each bad variable', async () => {
    await useTestEnv({ PORT: 'not-a-port', REDIS_URL: 'http://wrong-scheme' });
    const boot = createTestApp();
    await expect(boot).rejects.toThrow(/PORT Invalid input/);
    await expect(boot).rejects.toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  });
});
