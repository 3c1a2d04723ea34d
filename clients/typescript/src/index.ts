import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import { ReceiptVaultError } from './errors.ts';
import type { components, paths } from './schema.ts';

export type { components, operations, paths } from './schema.ts';
export { ReceiptVaultError, type ApiErrorBody } from './errors.ts';

type Schemas = components['schemas'];
export type Receipt = Schemas['Receipt'];
export type ReceiptAccepted = Schemas['ReceiptAccepted'];
export type ReceiptPage = Schemas['ReceiptPage'];
export type ReceiptRecord = Schemas['ReceiptRecord'];
export type ReceiptField = Schemas['ReceiptField'];
export type FieldSource = Schemas['FieldSource'];
export type LineItem = Schemas['LineItem'];
export type TaxLine = Schemas['TaxLine'];
export type ArithmeticChecks = Schemas['ArithmeticChecks'];
export type ReceiptStatus = Schemas['ReceiptStatus'];
export type ReceiptStage = Schemas['ReceiptStage'];
export type FailureCode = Schemas['FailureCode'];
export type ErrorCode = Schemas['ErrorCode'];
export type TokenPair = Schemas['TokenPair'];

export type ReceiptVaultClient = Client<paths>;

export interface ReceiptVaultClientOptions extends ClientOptions {
  /** e.g. `http://localhost:3000` (no trailing `/v1`). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`: an access token, or a function that returns one. */
  token?: string | (() => string | Promise<string>);
}

/** A typed client: `client.GET('/v1/receipts/{id}', { params: { path: { id } } })`. */
export function createReceiptVaultClient(options: ReceiptVaultClientOptions): ReceiptVaultClient {
  const { token, ...clientOptions } = options;
  const client = createClient<paths>(clientOptions);
  if (token) {
    client.use({
      async onRequest({ request }) {
        const value = typeof token === 'function' ? await token() : token;
        request.headers.set('authorization', `Bearer ${value}`);
        return request;
      },
    });
  }
  return client;
}

/** Statuses after which a receipt no longer changes by itself. */
export const TERMINAL_STATUSES: readonly ReceiptStatus[] = ['completed', 'needs_review', 'failed'];

/** Logs in with email and password; returns the token pair. */
export async function login(
  client: ReceiptVaultClient,
  credentials: { email: string; password: string },
): Promise<TokenPair> {
  const { data, error, response } = await client.POST('/v1/auth/login', { body: credentials });
  if (!data) throw new ReceiptVaultError(response, error);
  return data;
}

export interface UploadOptions {
  /** Shown in the receipt as its filename; the type is decided from the bytes, not the name. */
  filename?: string;
  note?: string;
  tags?: string[];
  /**
   * Makes retries safe: the same key and file within 24 h answer with the first response
   * instead of creating a second receipt. A UUID per file is ideal.
   */
  idempotencyKey?: string;
}

/**
 * Uploads one file. Resolves with the accepted receipt (status 202), or the earlier receipt
 * when the same bytes were uploaded before (status 200, `duplicateOf` set).
 */
export async function uploadReceipt(
  client: ReceiptVaultClient,
  file: Blob,
  options: UploadOptions = {},
): Promise<ReceiptAccepted> {
  const form = new FormData();
  form.append('file', file, options.filename ?? 'receipt');
  if (options.note !== undefined) form.append('note', options.note);
  if (options.tags?.length) form.append('tags', options.tags.join(','));
  const { data, error, response } = await client.POST('/v1/receipts', {
    params: { header: { 'Idempotency-Key': options.idempotencyKey } },
    body: { file },
    bodySerializer: () => form,
  });
  if (!data) throw new ReceiptVaultError(response, error);
  return data;
}

export interface WaitOptions {
  /** Give up after this long (ms); default 120 000. */
  timeoutMs?: number;
  /** Time between polls (ms); default 1 000. */
  intervalMs?: number;
  signal?: AbortSignal;
}

/** Polls a receipt until it is completed, needs_review or failed, and returns it. */
export async function waitForReceipt(
  client: ReceiptVaultClient,
  id: string,
  options: WaitOptions = {},
): Promise<Receipt> {
  const { timeoutMs = 120_000, intervalMs = 1_000, signal } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data, error, response } = await client.GET('/v1/receipts/{id}', {
      params: { path: { id } },
      signal,
    });
    if (!data) throw new ReceiptVaultError(response, error);
    if (TERMINAL_STATUSES.includes(data.status)) return data;
    if (Date.now() + intervalMs > deadline) {
      throw new Error(`Receipt ${id} is still ${data.status} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
