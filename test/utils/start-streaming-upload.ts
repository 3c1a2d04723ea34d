import { buildMultipart } from './build-multipart.js';
import type { HttpResult } from './http.js';

export interface StreamingUpload {
  /** Sends the rest of the body, then resolves with the answer. */
  finish(): Promise<HttpResult>;
}

/**
 * Starts POST /v1/receipts and sends only the first `headBytes` of the file, so a test can
 * change the world (stop Redis or PostgreSQL) while the upload is in flight.
 */
export function startStreamingUpload(
  baseUrl: string,
  data: Buffer,
  options: { token: string; headBytes: number },
): StreamingUpload {
  const { body, contentType } = buildMultipart([
    { name: 'file', filename: 'receipt.jpg', contentType: 'image/jpeg', data },
  ]);
  const split = body.indexOf(data) + options.headBytes;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(body.subarray(0, split));
    },
  });
  const response = fetch(`${baseUrl}/v1/receipts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token}`, 'content-type': contentType },
    body: stream,
    duplex: 'half',
  });
  // The server may answer before the body is complete; the failure is reported by finish().
  response.catch(() => undefined);

  return {
    async finish() {
      try {
        controller.enqueue(body.subarray(split));
        controller.close();
      } catch {
        // the server already gave up on the body
      }
      const res = await response;
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
  };
}
