import { buildMultipart, type MultipartPart } from './build-multipart.js';
import { http, type HttpResult } from './http.js';

export interface UploadOptions {
  token?: string;
  /** The client filename; defaults to receipt.jpg. */
  filename?: string;
  /** The part's declared type; the API must ignore it. */
  contentType?: string;
  /** Extra text fields, sent before the file. */
  fields?: Record<string, string>;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
}

/** POST /v1/receipts with one `file` part holding `data`. */
export function uploadFile(
  baseUrl: string,
  data: Buffer,
  options: UploadOptions = {},
): Promise<HttpResult> {
  const parts: MultipartPart[] = Object.entries(options.fields ?? {}).map(([name, value]) => ({
    name,
    value,
  }));
  parts.push({
    name: 'file',
    filename: options.filename ?? 'receipt.jpg',
    contentType: options.contentType ?? 'image/jpeg',
    data,
  });
  const { body, contentType } = buildMultipart(parts);
  return http(baseUrl, 'POST', '/v1/receipts', {
    token: options.token,
    rawBody: body,
    headers: { ...options.headers, 'content-type': contentType },
  });
}
