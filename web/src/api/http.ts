// The session's HTTP side: the access token in memory, the refresh token in an httpOnly cookie
// this code never sees, and a fetch for the generated client that refreshes once on a 401.
import { createReceiptVaultClient } from '@receipt-vault/client';

type SessionListener = (signedIn: boolean) => void;

let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<SessionListener>();

/** Requests that need no token (sign-up, sign-in, the cookie refresh). */
export const anonymous = createReceiptVaultClient({ baseUrl: location.origin });

/**
 * Whether this browser signed in and has not signed out: a hint, not a secret (the refresh token
 * is in an httpOnly cookie). Without it a first visit would ask for a refresh it knows will
 * fail, and the browser would log the 401 as an error.
 */
const SIGNED_IN_HINT = 'rv.signedIn';

export function mayHaveSession(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return true;
  }
}

function rememberSession(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // Storage disabled: every load then tries the cookie.
  }
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
  rememberSession(token !== null);
  for (const listener of listeners) listener(token !== null);
}

/** Called with false when the session ends (sign-out, or a refresh the server refused). */
export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Trades the cookie for a new access token. One refresh at a time: concurrent 401s wait for
 * the same one, since the refresh token is single-use and a second use would end the session.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const { data } = await anonymous.POST('/v1/auth/session/refresh');
      if (!data) {
        rememberSession(false);
        return false;
      }
      setAccessToken(data.accessToken);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function withToken(request: Request): Request {
  const authorized = new Request(request);
  if (accessToken) authorized.headers.set('authorization', `Bearer ${accessToken}`);
  return authorized;
}

/** fetch with the access token; on a 401 refreshes once and retries, else ends the session. */
export async function authFetch(request: Request): Promise<Response> {
  const sentWith = accessToken;
  // A body can be read once: keep a copy for the retry.
  const spare = request.clone();
  const res = await fetch(withToken(request));
  if (res.status !== 401 || sentWith === null) return res;
  // Another request may have refreshed already while this one was in flight.
  if (accessToken !== sentWith || (await refreshSession())) return fetch(withToken(spare));
  setAccessToken(null);
  return res;
}
