import { buildMultipart, type MultipartPart } from './build-multipart.js';
import { http, type HttpResult } from './http.js';

export interface BatchFile {
  data: Buffer;
  /** Defaults to receipt-<index>.jpg. */
  filename?: string;
}

/** POST /v1/receipts/batch with one `file` part per entry of `files`, in order. */
export function uploadBatch(
  baseUrl: string,
  files: BatchFile[],
  options: { token: string; fields?: Record<string, string>; headers?: Record<string, string> },
): Promise<HttpResult> {
  const parts: MultipartPart[] = Object.entries(options.fields ?? {}).map(([name, value]) => ({
    name,
    value,
  }));
  files.forEach((file, index) =>
    parts.push({
      name: 'file',
      filename: file.filename ?? `receipt-${index}.jpg`,
      contentType: 'image/jpeg',
      data: file.data,
    }),
  );
  const { body, contentType } = buildMultipart(parts);
  return http(baseUrl, 'POST', '/v1/receipts/batch', {
    token: options.token,
    rawBody: body,
    headers: { ...options.headers, 'content-type': contentType },
  });
}
