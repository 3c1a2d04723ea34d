import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { AllConfig } from '../../config/configuration.js';
import { ReceiptResponseDto } from '../dto/receipt.response.dto.js';
import { compareEventIds, type ReceiptEvent, TERMINAL_EVENTS } from '../events/receipt-event.js';
import { ReceiptEvents } from '../events/receipt-events.js';
import { ReceiptsRepository } from '../receipts.repository.js';
import { isTerminal } from '../receipt-status.js';

function toMessage(event: ReceiptEvent): MessageEvent {
  return { id: event.id, type: event.type, data: event.data };
}

/**
 * One receipt's Server-Sent Events: the current state at once (or, with Last-Event-ID, the
 * events missed since), then live events, heartbeats while waiting, and the terminal event,
 * after which the stream closes.
 */
@Injectable()
export class ReceiptEventStream {
  private readonly heartbeatMs: number;

  constructor(
    private readonly events: ReceiptEvents,
    private readonly receipts: ReceiptsRepository,
    config: ConfigService<AllConfig, true>,
  ) {
    this.heartbeatMs = config.getOrThrow('app', { infer: true }).sseHeartbeatMs;
  }

  open(receiptId: string, ownerId: string, lastEventId?: string): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      let lastSent = lastEventId ?? '0-0';
      let live = false;
      const buffered: ReceiptEvent[] = [];
      let unsubscribe: (() => void) | undefined;

      const emit = (event: ReceiptEvent) => {
        if (compareEventIds(event.id, lastSent) <= 0) return;
        lastSent = event.id;
        subscriber.next(toMessage(event));
        if (TERMINAL_EVENTS.includes(event.type)) subscriber.complete();
      };

      // Heartbeats repeat the last id: Nest would otherwise number them, and a browser would
      // resume from that number.
      const heartbeat = setInterval(
        () => subscriber.next({ id: lastSent, type: 'heartbeat', data: {} }),
        this.heartbeatMs,
      );

      const start = async () => {
        // Listen first, then look back: nothing published in between is missed.
        const stopListening = await this.events.subscribe(receiptId, (event) =>
          live ? emit(event) : buffered.push(event),
        );
        // The client may have hung up while the subscription was being made: the teardown
        // below ran with nothing to undo, so undo it here or the listener stays forever.
        if (subscriber.closed) return stopListening();
        unsubscribe = stopListening;
        if (lastEventId) {
          for (const event of await this.events.replay(receiptId, lastEventId)) emit(event);
          if (subscriber.closed) return;
        }
        const latestId = lastEventId ? lastSent : await this.events.lastId(receiptId);
        const receipt = await this.receipts.findByIdForOwner(receiptId, ownerId);
        if (!receipt) return subscriber.complete();
        const state = ReceiptResponseDto.from(receipt);
        if (!lastEventId) {
          lastSent = latestId;
          subscriber.next({
            id: latestId,
            type: 'state',
            data: {
              receiptId,
              status: state.status,
              stage: state.stage,
              progress: state.progress,
              attempt: state.attempts,
              error: state.error,
            },
          });
        }
        // Finished before (or while) we looked: say how it ended and close, whatever the log holds.
        if (isTerminal(receipt.status)) {
          subscriber.next({ id: latestId, type: receipt.status, data: state });
          return subscriber.complete();
        }
        live = true;
        for (const event of buffered.splice(0)) emit(event);
      };

      start().catch((error: unknown) => subscriber.error(error));
      return () => {
        clearInterval(heartbeat);
        unsubscribe?.();
      };
    });
  }
}
