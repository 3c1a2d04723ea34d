import type { Request } from 'express';
import { API_KEY_PREFIX } from '../api-keys/api-key-secret.js';

export const API_KEY_HEADER = 'x-api-key';

/**
 * The API key a request carries, if any: `X-API-Key: rv_…`, or `Authorization: Bearer rv_…`
 * (an access token is a JWT and never starts with `rv_`). X-API-Key wins when both are sent.
 */
export function apiKeyFrom(req: Request): string | undefined {
  const header = req.headers[API_KEY_HEADER];
  if (typeof header === 'string') return header.trim();
  if (Array.isArray(header)) return header.join(',');
  const authorization = req.headers.authorization;
  if (!authorization) return undefined;
  const [scheme, credential] = authorization.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() !== 'bearer' || !credential?.startsWith(API_KEY_PREFIX))
    return undefined;
  return credential;
}
