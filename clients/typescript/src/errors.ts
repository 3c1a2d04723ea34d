import type { components } from './schema.ts';

export type ApiErrorBody = components['schemas']['Error'];

/** An error answer of the API: `{ statusCode, code, message, requestId, details? }`. */
export class ReceiptVaultError extends Error {
  readonly status: number;
  readonly code: ApiErrorBody['code'] | 'UNEXPECTED_RESPONSE';
  readonly requestId: string | undefined;
  readonly details: unknown;

  constructor(response: Response, body: unknown) {
    const error = isErrorBody(body) ? body : undefined;
    super(error?.message ?? `Unexpected ${response.status} response from ${response.url}`);
    this.name = 'ReceiptVaultError';
    this.status = response.status;
    this.code = error?.code ?? 'UNEXPECTED_RESPONSE';
    this.requestId = error?.requestId ?? response.headers.get('x-request-id') ?? undefined;
    this.details = error?.details;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && 'code' in body && 'message' in body;
}
