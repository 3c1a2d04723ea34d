import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsAccess = 'disabled' | 'denied' | 'allowed';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read metrics: nobody when no token is configured (never public by default), else
 * only a caller presenting `Authorization: Bearer <METRICS_TOKEN>`. Compared as digests in
 * constant time, so neither the length nor a prefix of the token leaks through timing.
 */
export function checkMetricsAccess(
  configuredToken: string | undefined,
  authorization: string | undefined,
): MetricsAccess {
  if (!configuredToken) return 'disabled';
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return 'denied';
  return timingSafeEqual(digest(match[1]), digest(configuredToken)) ? 'allowed' : 'denied';
}
