import { http } from './http.js';
import { pollUntil } from './poll-until.js';

const TERMINAL = ['completed', 'needs_review', 'failed'];

/** GET /v1/receipts/{id} until the receipt has finished (completed, needs_review or failed). */
export async function waitForReceipt(
  baseUrl: string,
  id: string,
  token: string,
  timeoutMs = 90_000,
): Promise<any> {
  const res = await pollUntil(
    () => http(baseUrl, 'GET', `/v1/receipts/${id}`, { token }),
    (r) => r.status !== 200 || TERMINAL.includes(r.body.status as string),
    { timeoutMs, intervalMs: 200 },
  );
  if (res.status !== 200) throw new Error(`GET receipt ${id}: ${res.status} ${res.text}`);
  return res.body;
}
