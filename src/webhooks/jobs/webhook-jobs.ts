/** The job contract of the webhook deliveries queue (its own queue: a slow receiver never
 * holds up receipt processing, and the two retry on very different schedules). */
export const WEBHOOKS_QUEUE = 'webhooks';

export const WebhookJob = {
  DELIVER: 'deliver-webhook',
} as const;

export interface DeliverWebhookPayload {
  deliveryId: string;
}
