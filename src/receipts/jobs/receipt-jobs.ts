/** The job contract of the receipts queue: its name, job names and payloads. */
export const RECEIPTS_QUEUE = 'receipts';

export const ReceiptJob = {
  PROCESS: 'process-receipt',
  /** Parse the kept OCR lines again (no OCR); see ReceiptReextraction. */
  REEXTRACT: 'reextract-receipt',
} as const;

export interface ProcessReceiptPayload {
  receiptId: string;
  /** The request that caused the job, so worker logs join it. */
  requestId?: string;
  /** W3C trace context of the upload (`traceparent`…), so the worker's spans join its trace. */
  trace?: Record<string, string>;
}

export interface ReextractReceiptPayload {
  receiptId: string;
  /** The user who asked (the receipt's owner), recorded in its history. */
  actorId: string;
  requestId?: string;
}

/** Re-extraction jobs get their own id, so one may wait while a processing job is kept. */
export function reextractJobId(receiptId: string): string {
  return `${receiptId}:reextract`;
}

export type ReceiptJobPayload = ProcessReceiptPayload | ReextractReceiptPayload;
