/**
 * Query parameters whose values are credentials: the SSE events token (`?token=`), and names
 * clients commonly misuse for access tokens or API keys. Matched case-insensitively.
 */
const SECRET_PARAMS = new Set([
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'api_key',
  'apikey',
  'key',
  'password',
  'secret',
  'signature',
  'sig',
  'code',
]);

export const REDACTED = '[REDACTED]';

function isSecret(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    // a malformed escape is compared as written
  }
  return SECRET_PARAMS.has(decoded.trim().toLowerCase());
}

/**
 * The URL as it may be logged: the value of every credential-like query parameter replaced,
 * everything else (path, other parameters, order) kept. Linear in the URL's length.
 */
export function redactUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const hash = url.indexOf('#', question);
  const query = url.slice(question + 1, hash < 0 ? undefined : hash);
  const redacted = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      return equals >= 0 && isSecret(name) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, question)}?${redacted}`;
}

/** A parsed query object with the same parameters redacted (for loggers that log `query`). */
export function redactQuery(query: unknown): unknown {
  if (!query || typeof query !== 'object') return query;
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, isSecret(name) ? REDACTED : value]),
  );
}
