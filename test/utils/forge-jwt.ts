import { createHmac, createSign } from 'node:crypto';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Builds a JWT by hand so tests can produce what a well-behaved library refuses to:
 * `alg: none`, other algorithms, foreign keys, odd headers.
 */
export function forgeJwt(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  key: { hmacSecret?: string; privateKeyPem?: string } = {},
): string {
  const signingInput = `${b64(header)}.${b64(payload)}`;
  const alg = header.alg;
  let signature = '';
  if (alg === 'HS256' || alg === 'HS512') {
    signature = createHmac(alg === 'HS256' ? 'sha256' : 'sha512', key.hmacSecret ?? '')
      .update(signingInput)
      .digest('base64url');
  } else if (alg === 'RS256') {
    signature = createSign('RSA-SHA256')
      .update(signingInput)
      .sign(key.privateKeyPem ?? '', 'base64url');
  }
  return `${signingInput}.${signature}`;
}
