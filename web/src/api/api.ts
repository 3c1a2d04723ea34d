// What the screens call: the generated client (clients/typescript) with this session's fetch.
import {
  createReceiptVaultClient,
  ReceiptVaultError,
  uploadReceipt,
  type components,
  type operations,
  type Receipt,
  type ReceiptAccepted,
  type ReceiptPage,
} from '@receipt-vault/client';
import { anonymous, authFetch, mayHaveSession, refreshSession, setAccessToken } from './http';
import { attachmentName } from './save-download';

export { ReceiptVaultError as ApiError };
export type User = components['schemas']['User'];
export type EventsToken = components['schemas']['EventsToken'];
export type ReceiptCategory = NonNullable<Receipt['category']['value']>;

/** A receipt with the ETag that a correction must send back (If-Match). */
export interface VersionedReceipt {
  receipt: Receipt;
  etag: string;
}

/**
 * A merge-patch of the record: a value, or null for "no value". Typed here because the
 * generated PatchReceipt schema loses the string type of its nullable members.
 */
export type ReceiptPatch = Partial<Record<string, string | null>>;

function versioned(result: {
  data?: Receipt;
  error?: unknown;
  response: Response;
}): VersionedReceipt {
  return { receipt: ok(result), etag: result.response.headers.get('etag') ?? '' };
}

const client = createReceiptVaultClient({ baseUrl: location.origin, fetch: authFetch });

/** The API's own message for a failed call; `fallback` when it never answered. */
export function errorMessage(
  error: unknown,
  fallback = 'The server could not be reached.',
): string {
  return error instanceof ReceiptVaultError ? error.message : fallback;
}

/** openapi-fetch's answer, or the API's error thrown as ReceiptVaultError. */
function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok) throw new ReceiptVaultError(result.response, result.error);
  return result.data as T;
}

/** The list's filters and sort, as GET /v1/receipts takes them. */
export type ListQuery = NonNullable<operations['ReceiptsController_list']['parameters']['query']>;
export type ReceiptHit = components['schemas']['ReceiptSearchHit'];
export type ReceiptStats = components['schemas']['ReceiptStats'];
export type StatsQuery = NonNullable<
  operations['ReceiptStatsController_stats']['parameters']['query']
>;

/** The filters an export takes: the list's, without sort and paging. */
export type ExportQuery = NonNullable<
  operations['ExportsController_receipts']['parameters']['query']
>;
export type ExportPath =
  '/v1/exports/receipts.csv' | '/v1/exports/line-items.csv' | '/v1/exports/receipts.zip';
export type Session = components['schemas']['Session'];
export type ApiKey = components['schemas']['ApiKey'];
export type ApiKeyScope = components['schemas']['ApiKeyScope'];
export type TrashedReceipt = components['schemas']['TrashedReceipt'];
export type TrashPage = components['schemas']['TrashPage'];

/** A file the API sent as an attachment, with the name it gave. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

function downloaded(
  result: { data?: Blob; error?: unknown; response: Response },
  fallback: string,
): DownloadedFile {
  return { blob: ok(result), filename: attachmentName(result.response, fallback) };
}

/** Drops empty members, so an unset filter is not sent as `?from=`. */
function compact<T extends object>(query: T): T {
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== '' && value !== undefined),
  ) as T;
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

  async listReceipts(query: ListQuery): Promise<ReceiptPage> {
    return ok(await client.GET('/v1/receipts', { params: { query: compact(query) } }));
  },

  async stats(query: StatsQuery): Promise<ReceiptStats> {
    return ok(await client.GET('/v1/receipts/stats', { params: { query: compact(query) } }));
  },

  async getReceipt(id: string): Promise<Receipt> {
    return ok(await client.GET('/v1/receipts/{id}', { params: { path: { id } } }));
  },

  async getVersioned(id: string): Promise<VersionedReceipt> {
    return versioned(await client.GET('/v1/receipts/{id}', { params: { path: { id } } }));
  },

  /** 412 PRECONDITION_FAILED when someone changed it since `etag` was read. */
  async correct(id: string, etag: string, patch: ReceiptPatch): Promise<VersionedReceipt> {
    return versioned(
      await client.PATCH('/v1/receipts/{id}', {
        params: { path: { id }, header: { 'If-Match': etag } },
        body: patch as never,
      }),
    );
  },

  async confirm(id: string): Promise<Receipt> {
    return ok(await client.POST('/v1/receipts/{id}/confirm', { params: { path: { id } } }));
  },

  async addTag(id: string, name: string): Promise<VersionedReceipt> {
    return versioned(
      await client.POST('/v1/receipts/{id}/tags', { params: { path: { id } }, body: { name } }),
    );
  },

  async removeTag(id: string, name: string): Promise<VersionedReceipt> {
    return versioned(
      await client.DELETE('/v1/receipts/{id}/tags/{name}', { params: { path: { id, name } } }),
    );
  },

  async webhooks(): Promise<components['schemas']['Webhook'][]> {
    return ok(await client.GET('/v1/webhooks'));
  },

  async addWebhook(
    url: string,
    events: components['schemas']['WebhookEventType'][],
  ): Promise<components['schemas']['WebhookCreated']> {
    return ok(await client.POST('/v1/webhooks', { body: { url, events } }));
  },

  async deleteWebhook(id: string): Promise<void> {
    ok(await client.DELETE('/v1/webhooks/{id}', { params: { path: { id } } }));
  },

  /** Moves it to the trash; `permanent` deletes it for good (also from the trash). */
  async deleteReceipt(id: string, options: { permanent?: boolean } = {}): Promise<void> {
    ok(
      await client.DELETE('/v1/receipts/{id}', {
        params: { path: { id }, query: options.permanent ? { permanent: true } : {} },
      }),
    );
  },

  async trash(cursor?: string): Promise<TrashPage> {
    return ok(await client.GET('/v1/trash', { params: { query: compact({ cursor }) } }));
  },

  async restoreReceipt(id: string): Promise<Receipt> {
    return ok(await client.POST('/v1/receipts/{id}/restore', { params: { path: { id } } }));
  },

  /** CSV or ZIP of the receipts matching `query`, held in memory until saved. */
  async exportReceipts(path: ExportPath, query: ExportQuery): Promise<DownloadedFile> {
    const result = await client.GET(path, { params: { query: compact(query) }, parseAs: 'blob' });
    return downloaded(result, path.split('/').pop()!);
  },

  /** Everything the account holds, as one JSON document. */
  async exportAccount(): Promise<DownloadedFile> {
    const result = await client.GET('/v1/me/export', { parseAs: 'blob' });
    return downloaded(result, 'receipt-vault-export.json');
  },

  async sessions(): Promise<Session[]> {
    return ok(await client.GET('/v1/me/sessions'));
  },

  async endSession(id: string): Promise<void> {
    ok(await client.DELETE('/v1/me/sessions/{id}', { params: { path: { id } } }));
  },

  async endOtherSessions(): Promise<components['schemas']['SignedOutSessions']> {
    return ok(await client.POST('/v1/me/sessions/sign-out-others'));
  },

  async apiKeys(): Promise<ApiKey[]> {
    return ok(await client.GET('/v1/api-keys'));
  },

  /** The answer holds the key itself: the only time it is ever shown. */
  async createApiKey(
    body: components['schemas']['ApiKeyCreate'],
  ): Promise<components['schemas']['ApiKeyCreated']> {
    return ok(await client.POST('/v1/api-keys', { body }));
  },

  async revokeApiKey(id: string): Promise<void> {
    ok(await client.DELETE('/v1/api-keys/{id}', { params: { path: { id } } }));
  },

  /** Deletes the account and everything in it; every session ends with it. */
  async deleteAccount(): Promise<void> {
    ok(await client.DELETE('/v1/me'));
    setAccessToken(null);
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
