/** The events a webhook can subscribe to. */
export const WEBHOOK_EVENTS = [
  'receipt.completed',
  'receipt.needs_review',
  'receipt.failed',
  'receipt.corrected',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export const DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed', 'refused'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The JSON body of every delivery (no file bytes, no OCR text: a summary and a link). */
export interface WebhookEventPayload {
  /** The event id; also the `webhook-id` header, the same on every retry and redelivery. */
  id: string;
  type: WebhookEventType;
  /** When the event happened, ISO 8601. */
  timestamp: string;
  data: {
    receipt: {
      id: string;
      status: string;
      summary: {
        merchantName: string | null;
        date: string | null;
        total: string | null;
        currency: string | null;
      };
      reviewIssues: string[];
      error: { code: string; message: string } | null;
      links: { self: string };
    };
  };
}
