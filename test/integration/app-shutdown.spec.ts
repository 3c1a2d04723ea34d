import { getQueueToken } from '@nestjs/bull';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bull';
import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { BullConnections } from '../../src/cache/bull-connections.js';
import { RECEIPTS_QUEUE } from '../../src/receipts/jobs/receipt-jobs.js';
import { WEBHOOKS_QUEUE } from '../../src/webhooks/jobs/webhook-jobs.js';
import { createTestApp } from '../utils/create-test-app.js';
import { createTestWorker } from '../utils/create-test-worker.js';
import { useTestEnv } from '../utils/test-env.js';

/**
 * Closing the API or the worker ends every Redis connection it opened, Bull's included (Bull
 * leaves connections made through `createClient` open): a leftover one kept a process that
 * closed its app alive, reconnecting forever once Redis was gone (`npm run bench:search`).
 */
/** Bull's lazily opened connections, which its typings leave out. */
type QueueConnections = Queue & {
  clientInitialized?: boolean;
  eclientInitialized?: boolean;
  bclientInitialized?: boolean;
  eclient: Redis;
  bclient: Redis;
};

describe('shutdown', () => {
  const connectionsOf = async (context: INestApplicationContext) => {
    const connections: Redis[] = [];
    for (const name of [RECEIPTS_QUEUE, WEBHOOKS_QUEUE]) {
      const queue = context.get<QueueConnections>(getQueueToken(name));
      await queue.isReady();
      // Each memoised connection the queue has opened so far.
      if (queue.clientInitialized) connections.push(queue.client);
      if (queue.eclientInitialized) connections.push(queue.eclient);
      if (queue.bclientInitialized) connections.push(queue.bclient);
    }
    return connections;
  };

  it('the API ends its queue connections when it closes', async () => {
    await useTestEnv();
    const api = await createTestApp();
    const connections = await connectionsOf(api.app);
    expect(connections.length).toBeGreaterThan(0);
    await api.close();
    expect(connections.map((c) => c.status)).toEqual(connections.map(() => 'end'));
  });

  it('the worker ends its queue connections, blocking ones included, when it closes', async () => {
    await useTestEnv();
    const worker = await createTestWorker();
    const connections = await connectionsOf(worker);
    expect(connections.length).toBeGreaterThan(2);
    await worker.close();
    expect(connections.map((c) => c.status)).toEqual(connections.map(() => 'end'));
  });

  it("survives a blocking connection cut before Bull's CLIENT SETNAME is answered", async () => {
    // Bull sends it without awaiting the reply; unanswered, it was an unhandled rejection that
    // failed one worker shutdown in three here.
    const env = await useTestEnv();
    const connections = new BullConnections(env.REDIS_URL, 1000);
    const blocking = connections.create('bclient');
    const naming = blocking.client('SETNAME', 'receipt-vault-test');
    const other = blocking.ping();
    blocking.disconnect();
    await expect(naming).resolves.toBe('OK');
    // Only the name is forgiven: any other command still fails.
    await expect(other).rejects.toThrow(/Connection is closed/);
  });
});
