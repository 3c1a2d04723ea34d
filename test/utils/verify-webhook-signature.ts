import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * What a receiver does (the README's snippet): HMAC-SHA256 over `${id}.${timestamp}.${body}`
 * keyed with the base64-decoded secret after `whsec_`, compared with each `v1,` signature.
 * Written from the Standard Webhooks specification, not from the server's code.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: IncomingHttpHeaders,
  body: string,
): boolean {
  const id = headers['webhook-id'] as string;
  const timestamp = headers['webhook-timestamp'] as string;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers['webhook-signature'])
    .split(' ')
    .some((part) => {
      const [version, signature] = part.split(',');
      const given = Buffer.from(signature ?? '', 'base64');
      return (
        version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected)
      );
    });
}
