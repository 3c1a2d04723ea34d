/**
 * What an API key may do. Scopes are independent: `receipts:write` does not imply
 * `receipts:read`, so a key that only uploads cannot read anything back.
 */
export const API_KEY_SCOPES = ['receipts:read', 'receipts:write', 'exports', 'webhooks'] as const;

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
