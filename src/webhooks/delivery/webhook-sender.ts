import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AppError } from '../../common/errors/index.js';
import { type WebhookTargetGuard } from './webhook-target-guard.js';

/** Receivers' answers are kept for the delivery log up to this size, no more. */
export const MAX_STORED_RESPONSE_BYTES = 1024;

export interface SendResult {
  /** null when no answer came (refused target, network error, timeout). */
  statusCode: number | null;
  durationMs: number;
  responseBody: string | null;
  /** Why it did not succeed; null on a 2xx. */
  error: string | null;
  /** The target was refused by the SSRF guard: retrying cannot help. */
  refused: boolean;
}

/**
 * Sends one signed POST. Connects only to addresses the guard has just checked (its
 * `lookup`), never follows redirects (a 3xx is a failed delivery), gives up after the
 * timeout, and reads at most 1 KB of the answer.
 */
export async function sendWebhook(
  guard: WebhookTargetGuard,
  target: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const failed = (error: unknown): SendResult => {
    const refused = error instanceof AppError;
    return {
      statusCode: null,
      durationMs: elapsed(),
      responseBody: null,
      error: error instanceof Error ? error.message : String(error),
      refused,
    };
  };

  let url: URL;
  try {
    url = guard.parse(target);
    // IP literals skip `lookup`: check them here; names are checked as they are resolved.
    await guard.assertAllowedLiteral(url);
  } catch (error) {
    return failed(error);
  }

  return new Promise<SendResult>((resolve) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'ReceiptVault-Webhooks/1',
      },
      lookup: guard.lookup,
      agent: false,
    });
    const timer = setTimeout(
      () => request.destroy(new Error(`No answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    request.on('error', (error) => {
      // The guard's refusal arrives as the lookup's error.
      const cause = (error as { cause?: unknown }).cause;
      finish(failed(error instanceof AppError ? error : cause instanceof AppError ? cause : error));
    });
    request.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size >= MAX_STORED_RESPONSE_BYTES) return;
        chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_STORED_RESPONSE_BYTES) response.destroy();
      });
      const done = () => {
        const statusCode = response.statusCode ?? 0;
        const text = Buffer.concat(chunks).subarray(0, MAX_STORED_RESPONSE_BYTES).toString('utf8');
        const ok = statusCode >= 200 && statusCode < 300;
        finish({
          statusCode,
          durationMs: elapsed(),
          responseBody: text || null,
          error: ok
            ? null
            : statusCode >= 300 && statusCode < 400
              ? `Answered ${statusCode}; redirects are not followed`
              : `Answered ${statusCode}`,
          refused: false,
        });
      };
      response.on('end', done);
      response.on('close', done);
      response.on('error', done);
    });
    request.end(body);
  });
}
