import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { AllConfig } from '../../config/configuration.js';
import { BatchesService, receiptIdsOf } from '../batches/batches.service.js';
import type { BatchResponseDto } from '../dto/batch.response.dto.js';
import { type ReceiptEvent, TERMINAL_EVENTS } from '../events/receipt-event.js';
import { ReceiptEvents } from '../events/receipt-events.js';

/**
 * A batch's Server-Sent Events: `state` (the batch as GET /v1/batches/{id} answers it) at once,
 * then every event of its unfinished receipts as their own streams carry them (each with its
 * `receiptId`), and `batch.completed` (the final state) when none is left unfinished, after which
 * the stream closes. There is no Last-Event-ID replay across receipts: a reconnecting client
 * starts from a fresh `state`. Receipt events are best effort, so every heartbeat also reads the
 * state again, and a batch whose last event was lost still completes (see `settle`).
 */
@Injectable()
export class BatchEventStream {
  private readonly heartbeatMs: number;

  constructor(
    private readonly batches: BatchesService,
    private readonly events: ReceiptEvents,
    config: ConfigService<AllConfig, true>,
  ) {
    this.heartbeatMs = config.getOrThrow('app', { infer: true }).sseHeartbeatMs;
  }

  open(batchId: string, ownerId: string): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      const unfinished = new Set<string>();
      const buffered: ReceiptEvent[] = [];
      const unsubscribes: (() => void)[] = [];
      let live = false;
      let finished = false;

      const finish = (state: BatchResponseDto) => {
        if (finished) return;
        finished = true;
        subscriber.next({ type: 'batch.completed', data: state });
        subscriber.complete();
      };
      const current = async () => this.batches.get(batchId, ownerId);

      const forward = (event: ReceiptEvent) => {
        const receiptId = event.data.receiptId;
        if (finished || !unfinished.has(receiptId)) return;
        subscriber.next({ type: event.type, data: event.data });
        if (!TERMINAL_EVENTS.includes(event.type)) return;
        unfinished.delete(receiptId);
        if (unfinished.size === 0) void current().then(finish, (e: unknown) => subscriber.error(e));
      };

      // The worker writes a receipt's end before it publishes the event: a state that is done
      // at one heartbeat may still have events on their way, so it takes two in a row. Then the
      // receipts whose end was never heard get it from the state, and the batch completes.
      let doneAtLastHeartbeat = false;
      const settle = (state: BatchResponseDto) => {
        if (!state.done) return void (doneAtLastHeartbeat = false);
        if (!doneAtLastHeartbeat) return void (doneAtLastHeartbeat = true);
        for (const entry of state.receipts) {
          if (!entry.id || !entry.status || !unfinished.delete(entry.id)) continue;
          const data = { receiptId: entry.id, status: entry.status, progress: 100 };
          subscriber.next({ type: entry.status, data });
        }
        finish(state);
      };
      const heartbeat = setInterval(() => {
        if (finished) return;
        subscriber.next({ type: 'heartbeat', data: {} });
        current().then(
          (state) => live && settle(state),
          () => undefined, // the next heartbeat tries again
        );
      }, this.heartbeatMs);

      const start = async () => {
        const batch = await this.batches.findOwned(batchId, ownerId);
        // Listen first, then look: nothing published in between is missed.
        const stops = await Promise.all(
          receiptIdsOf(batch).map((id) =>
            this.events.subscribe(id, (event) => (live ? forward(event) : buffered.push(event))),
          ),
        );
        unsubscribes.push(...stops);
        // The client may have hung up meanwhile: the teardown ran with nothing to undo.
        if (subscriber.closed) return stops.forEach((stop) => stop());
        const state = await this.batches.summarise(batch);
        subscriber.next({ type: 'state', data: state });
        if (state.done) return finish(state);
        for (const entry of state.receipts) {
          if (entry.id && (entry.status === 'queued' || entry.status === 'processing')) {
            unfinished.add(entry.id);
          }
        }
        live = true;
        for (const event of buffered.splice(0)) forward(event);
      };

      start().catch((error: unknown) => subscriber.error(error));
      return () => {
        clearInterval(heartbeat);
        unsubscribes.forEach((stop) => stop());
      };
    });
  }
}
