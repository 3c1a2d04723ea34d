// Live progress of one receipt over Server-Sent Events. EventSource cannot send headers, so
// each connection opens with a short-lived, receipt-scoped token from POST …/events-token.
import { api } from './api';
import { TERMINAL_STATUSES, type ReceiptStage, type ReceiptStatus } from '@receipt-vault/client';

export interface ReceiptProgress {
  status: ReceiptStatus;
  stage?: ReceiptStage | null;
  progress?: number;
  error?: { code: string; message: string } | null;
}

const EVENT_TYPES = ['state', 'queued', 'stage', 'progress', 'completed', 'needs_review', 'failed'];
/** Reopening gives up after this many refusals in a row; the caller then reads the receipt. */
const MAX_REOPENS = 4;

export function isTerminal(status: ReceiptStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/**
 * Calls onProgress for each event until the receipt finishes, then closes. When the stream
 * cannot be (re)opened, calls onLost once. Returns a function that stops watching.
 */
export function watchReceipt(
  id: string,
  onProgress: (progress: ReceiptProgress) => void,
  onLost: (error: unknown) => void,
): () => void {
  let source: EventSource | null = null;
  let stopped = false;
  let reopens = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };

  const open = async () => {
    let url: string;
    try {
      url = (await api.eventsToken(id)).url;
    } catch (error) {
      if (!stopped) onLost(error);
      return;
    }
    if (stopped) return;
    source = new EventSource(url);
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (event) => {
        reopens = 0;
        const data = JSON.parse((event as MessageEvent<string>).data) as ReceiptProgress;
        onProgress(data);
        if (isTerminal(data.status)) stop();
      });
    }
    source.onerror = () => {
      // The browser retries a dropped connection by itself (with Last-Event-ID); a refused one
      // (an expired token) is CLOSED and needs a fresh token.
      if (stopped || source?.readyState !== EventSource.CLOSED) return;
      if (++reopens > MAX_REOPENS) {
        onLost(new Error('The progress stream could not be reopened'));
        return;
      }
      timer = setTimeout(() => void open(), 500 * 2 ** reopens);
    };
  };

  void open();
  return stop;
}
