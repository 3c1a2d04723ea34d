/** The job contract of the receipts queue: its name, job names and payloads. */
export const RECEIPTS_QUEUE = 'receipts';

export const ReceiptJob = {
  PROCESS: 'process-receipt',
} as const;

export interface ProcessReceiptPayload {
  receiptId: string;
  /** The request that caused the job, so worker logs join it. */
  requestId?: string;
}
