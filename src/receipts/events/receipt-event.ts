import type { ReceiptStage } from '../receipt-status.js';

/** What the event stream of one receipt carries. `id` is the Redis stream entry id. */
export type ReceiptEventType =
  'state' | 'queued' | 'stage' | 'progress' | 'completed' | 'needs_review' | 'failed';

export interface ReceiptEventData {
  receiptId: string;
  status: string;
  stage?: ReceiptStage | null;
  /** 0..100 */
  progress?: number;
  attempt?: number;
  error?: { code: string; message: string } | null;
}

export interface ReceiptEvent {
  id: string;
  type: ReceiptEventType;
  data: ReceiptEventData;
}

export const TERMINAL_EVENTS: readonly ReceiptEventType[] = ['completed', 'needs_review', 'failed'];

/** Redis stream ids are `<ms>-<seq>`; compares them in order. */
export function compareEventIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am === bm ? as - bs : am - bm;
}
