import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { CacheKeys } from '../../cache/cache-keys.js';
import { REDIS_CLIENT, REDIS_SUBSCRIBER } from '../../cache/redis.constants.js';
import type { ReceiptEvent, ReceiptEventData, ReceiptEventType } from './receipt-event.js';

// Append to the receipt's event log and announce it in one step, so a listener never sees
// an event that a later replay would not contain. KEYS: log, channel. ARGV: type, data.
const PUBLISH = `
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', '200', '*', 'type', ARGV[1], 'data', ARGV[2])
redis.call('EXPIRE', KEYS[1], 86400)
redis.call('PUBLISH', KEYS[2], cjson.encode({ id = id, type = ARGV[1], data = cjson.decode(ARGV[2]) }))
return id
`;

type Listener = (event: ReceiptEvent) => void;

/**
 * Progress events of receipts, across processes: the worker publishes, any API replica
 * streams them. Each receipt has a short event log (a Redis stream) for `Last-Event-ID`
 * resumption, and a pub/sub channel for live delivery. Events are best effort: the state in
 * PostgreSQL is the truth, and a client that reconnects always gets it first.
 */
@Injectable()
export class ReceiptEvents implements OnModuleDestroy {
  private readonly logger = new Logger(ReceiptEvents.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  private subscribed = false;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis,
    private readonly keys: CacheKeys,
  ) {}

  async publish(receiptId: string, type: ReceiptEventType, data: ReceiptEventData): Promise<void> {
    try {
      await this.redis.eval(
        PUBLISH,
        2,
        this.keys.receiptEventLog(receiptId),
        this.keys.receiptEvents(receiptId),
        type,
        JSON.stringify(data),
      );
    } catch (error) {
      this.logger.warn(`event ${type} for ${receiptId} not published: ${(error as Error).message}`);
    }
  }

  /** Events logged after `afterId` (exclusive), oldest first. */
  async replay(receiptId: string, afterId: string): Promise<ReceiptEvent[]> {
    const entries = await this.redis.xrange(
      this.keys.receiptEventLog(receiptId),
      `(${afterId}`,
      '+',
    );
    return entries.map(([id, fields]) => toEvent(id, fields));
  }

  /** The id of the newest logged event, or '0-0' when there is none. */
  async lastId(receiptId: string): Promise<string> {
    const newest = await this.redis.xrevrange(
      this.keys.receiptEventLog(receiptId),
      '+',
      '-',
      'COUNT',
      1,
    );
    return newest[0]?.[0] ?? '0-0';
  }

  async forget(receiptId: string): Promise<void> {
    await this.redis.del(this.keys.receiptEventLog(receiptId)).catch(() => undefined);
  }

  /** Live events of one receipt until the returned function is called. */
  async subscribe(receiptId: string, listener: Listener): Promise<() => void> {
    const channel = this.keys.receiptEvents(receiptId);
    this.ensureDispatcher();
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await this.subscriber.subscribe(channel);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(channel) === set) {
        this.listeners.delete(channel);
        void this.subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  /** Live listeners of one receipt in this process (leak checks, metrics). */
  listenerCount(receiptId: string): number {
    return this.listeners.get(this.keys.receiptEvents(receiptId))?.size ?? 0;
  }

  onModuleDestroy(): void {
    this.listeners.clear();
  }

  private ensureDispatcher(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    this.subscriber.on('message', (channel: string, message: string) => {
      const set = this.listeners.get(channel);
      if (!set) return;
      let event: ReceiptEvent;
      try {
        event = JSON.parse(message) as ReceiptEvent;
      } catch {
        return;
      }
      for (const listener of set) listener(event);
    });
  }
}

function toEvent(id: string, fields: string[]): ReceiptEvent {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) record[fields[i] ?? ''] = fields[i + 1] ?? '';
  return {
    id,
    type: record.type as ReceiptEventType,
    data: JSON.parse(record.data ?? '{}') as ReceiptEventData,
  };
}
