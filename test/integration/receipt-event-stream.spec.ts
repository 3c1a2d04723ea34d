import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestEnv } from '../utils/test-env.js';

// Issue 8, defect 9: a client that hangs up before the Redis subscription is made must not
// leave a listener behind (each one held memory and a channel subscription for good).
describe('receipt event stream listeners', () => {
  let ctx: INestApplicationContext;
  let stream: import('../../src/receipts/http/receipt-event-stream.js').ReceiptEventStream;
  let events: import('../../src/receipts/events/receipt-events.js').ReceiptEvents;

  beforeAll(async () => {
    await useTestEnv();
    const { CoreModule } = await import('../../src/core.module.js');
    const { ReceiptsModule } = await import('../../src/receipts/receipts.module.js');
    const { ReceiptEventStream } = await import('../../src/receipts/http/receipt-event-stream.js');
    const { ReceiptEvents } = await import('../../src/receipts/events/receipt-events.js');
    const moduleRef = await Test.createTestingModule({
      imports: [CoreModule, ReceiptsModule],
      providers: [ReceiptEventStream],
    }).compile();
    ctx = await moduleRef.init();
    stream = ctx.get(ReceiptEventStream);
    events = ctx.get(ReceiptEvents);
  });

  afterAll(() => ctx?.close());

  it('a client gone before the subscription resolves leaves no listener', async () => {
    const receiptId = randomUUID();
    for (let i = 0; i < 20; i += 1) {
      // Subscribe and hang up in the same tick, as a client whose connection drops at once.
      stream.open(receiptId, randomUUID()).subscribe().unsubscribe();
    }
    // Redis answers SUBSCRIBEs in order on one connection: once this later one has resolved,
    // every stream's subscription above has resolved (and cleaned up after itself) too.
    const probe = await events.subscribe(randomUUID(), () => undefined);
    probe();
    expect(events.listenerCount(receiptId)).toBe(0);
  });
});
