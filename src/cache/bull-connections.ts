import type { Redis } from 'ioredis';
import { once } from 'node:events';
import { createRedisClient } from './create-redis-client.js';

/**
 * How long a connection may take to answer QUIT. Redis answers it after every command sent
 * before it, so those settle normally; cutting the connection sooner rejected them, and
 * nobody in Bull was waiting to catch that. A frozen or vanished server is cut after this.
 */
const QUIT_TIMEOUT_MS = 5000;

/**
 * The Redis connections Bull asks for through `createClient`. Bull ends only the connections
 * it made itself, so without this registry a closed app kept each queue's connections, which
 * reconnected forever once Redis was gone (`npm run bench:search` never exited). RedisModule
 * ends them at shutdown: it is global, so its hook runs after every queue has closed.
 */
export class BullConnections {
  private readonly clients = new Set<Redis>();

  constructor(
    private readonly url: string,
    private readonly commandTimeoutMs: number,
  ) {}

  /** Bull's `createClient`: its command client fails fast, blocking ones wait. */
  create(type: 'client' | 'subscriber' | 'bclient'): Redis {
    const client =
      type === 'client'
        ? createRedisClient(this.url, 'command', 'bull-client', this.commandTimeoutMs)
        : createRedisClient(this.url, 'blocking', `bull-${type}`);
    if (type === 'bclient') ignoreFailedSetName(client);
    this.clients.add(client);
    return client;
  }

  /** Asks every connection to quit, cuts the ones that do not answer, and waits until all have ended. */
  async closeAll(): Promise<void> {
    const clients = [...this.clients];
    this.clients.clear();
    await Promise.all(
      clients.map(async (client) => {
        const isEnded = () => client.status === 'end';
        if (isEnded()) return;
        await Promise.race([
          client.quit().catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, QUIT_TIMEOUT_MS).unref()),
        ]);
        if (isEnded()) return;
        const ended = once(client, 'end', { signal: AbortSignal.timeout(QUIT_TIMEOUT_MS) });
        client.disconnect();
        await ended.catch(() => undefined);
      }),
    );
  }
}

type ClientCommand = (...args: unknown[]) => Promise<unknown>;

/**
 * Bull names its blocking connection with `CLIENT SETNAME` when a processor is registered and
 * never awaits the reply (bull/lib/worker.js, setWorkerName): a worker closed before the reply
 * came crashed with an unhandled "Connection is closed." The name is cosmetic (Bull also puts
 * it in the connection options, sent again on every reconnect), so a failed SETNAME is dropped;
 * every other command fails as before.
 */
function ignoreFailedSetName(client: Redis): void {
  const command = client.client.bind(client) as ClientCommand;
  (client as unknown as { client: ClientCommand }).client = (...args) => {
    const reply = command(...args);
    return String(args[0]).toLowerCase() === 'setname' ? reply.catch(() => 'OK') : reply;
  };
}
