// What the screens call: the generated client (clients/typescript) with this session's fetch.
import {
  createReceiptVaultClient,
  ReceiptVaultError,
  uploadReceipt,
  type components,
  type Receipt,
  type ReceiptAccepted,
  type ReceiptPage,
  type ReceiptStatus,
} from '@receipt-vault/client';
import { anonymous, authFetch, mayHaveSession, refreshSession, setAccessToken } from './http';

export { ReceiptVaultError as ApiError };
export type User = components['schemas']['User'];
export type EventsToken = components['schemas']['EventsToken'];

const client = createReceiptVaultClient({ baseUrl: location.origin, fetch: authFetch });

/** openapi-fetch's answer, or the API's error thrown as ReceiptVaultError. */
function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw new ReceiptVaultError(result.response, result.error);
  return result.data as T;
}

export interface ListQuery {
  q?: string;
  status?: ReceiptStatus | '';
  page?: number;
  pageSize?: number;
}

export const api = {
  async register(email: string, password: string): Promise<User> {
    return ok(await anonymous.POST('/v1/auth/register', { body: { email, password } }));
  },

  /** A browser session: the refresh token goes into an httpOnly cookie, never to this code. */
  async signIn(email: string, password: string): Promise<void> {
    const tokens = ok(await anonymous.POST('/v1/auth/session', { body: { email, password } }));
    setAccessToken(tokens.accessToken);
  },

  /** After a reload: the cookie, if still valid, gives a new access token. */
  async restore(): Promise<boolean> {
    return mayHaveSession() && refreshSession();
  },

  async signOut(): Promise<void> {
    try {
      ok(await client.POST('/v1/auth/logout'));
    } finally {
      setAccessToken(null);
    }
  },

  async me(): Promise<User> {
    return ok(await client.GET('/v1/me'));
  },

  async listReceipts({ q, status, page, pageSize }: ListQuery): Promise<ReceiptPage> {
    return ok(
      await client.GET('/v1/receipts', {
        params: { query: { q: q || undefined, status: status || undefined, page, pageSize } },
      }),
    );
  },

  async getReceipt(id: string): Promise<Receipt> {
    return ok(await client.GET('/v1/receipts/{id}', { params: { path: { id } } }));
  },

  async deleteReceipt(id: string): Promise<void> {
    ok(await client.DELETE('/v1/receipts/{id}', { params: { path: { id } } }));
  },

  async reprocess(id: string): Promise<ReceiptAccepted> {
    return ok(await client.POST('/v1/receipts/{id}/reprocess', { params: { path: { id } } }));
  },

  async eventsToken(id: string): Promise<EventsToken> {
    return ok(await client.POST('/v1/receipts/{id}/events-token', { params: { path: { id } } }));
  },

  upload(file: File): Promise<ReceiptAccepted> {
    return uploadReceipt(client, file, { filename: file.name });
  },

  /** The original file as a blob (an <img> cannot send the bearer token). */
  async fileBlob(id: string): Promise<Blob> {
    const result = await client.GET('/v1/receipts/{id}/file', {
      params: { path: { id } },
      parseAs: 'blob',
    });
    return ok(result);
  },
};
