import type { ApiKeyScope } from '../api-keys/api-key-scopes.js';
import { AppError, ErrorCode } from '../common/errors/index.js';

/** The API key a request authenticated with. */
export interface ApiKeyPrincipal {
  id: string;
  scopes: ApiKeyScope[];
}

/**
 * The authenticated caller, as the guards put it on the request: a user signed in with a JWT
 * (`sessionId` set) or through one of their API keys (`apiKey` set).
 */
export interface AuthUser {
  id: string;
  email: string;
  sessionId?: string;
  apiKey?: ApiKeyPrincipal;
}

/** The login session of the caller, for the routes that only a session may use. */
export function sessionIdOf(user: AuthUser): string {
  if (!user.sessionId) {
    throw new AppError(ErrorCode.SESSION_REQUIRED, 'This needs a signed-in user, not an API key');
  }
  return user.sessionId;
}
