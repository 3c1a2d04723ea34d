export const ReceiptStatus = {
  QUEUED: 'queued',
  PROCESSING: 'processing',
  COMPLETED: 'completed',
  NEEDS_REVIEW: 'needs_review',
  FAILED: 'failed',
} as const;
export type ReceiptStatus = (typeof ReceiptStatus)[keyof typeof ReceiptStatus];

export const TERMINAL_STATUSES: readonly ReceiptStatus[] = ['completed', 'needs_review', 'failed'];

export function isTerminal(status: ReceiptStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export const ReceiptStage = {
  PREPARING: 'preparing',
  READING: 'reading',
  EXTRACTING: 'extracting',
  SAVING: 'saving',
} as const;
export type ReceiptStage = (typeof ReceiptStage)[keyof typeof ReceiptStage];

/** Processing failure codes stored on a failed receipt. */
export const FAILURE_CODES = [
  'FILE_UNREADABLE',
  'OCR_FAILED',
  'EXTRACTION_FAILED',
  'TIMEOUT',
  // PostgreSQL or Redis unavailable through every attempt: the receipt itself is fine.
  'DEPENDENCY_UNAVAILABLE',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];
