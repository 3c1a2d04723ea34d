// Error codes of a dependency being unreachable (socket level) or PostgreSQL refusing work
// because it is shutting down or starting (SQLSTATE class 57P/08).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Connection is closed',
  "Stream isn't writeable",
  'enableOfflineQueue',
  'Redis connection',
  // ioredis' commandTimeout: a frozen server (REDIS_COMMAND_TIMEOUT_MS)
  'Command timed out',
];

/** True when an error means "PostgreSQL or Redis is not reachable right now". */
export function isDependencyUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const candidate = e as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof candidate.code === 'string' && UNAVAILABLE_CODES.has(candidate.code)) return true;
    if (
      typeof candidate.message === 'string' &&
      UNAVAILABLE_MESSAGES.some((m) => (candidate.message as string).includes(m))
    ) {
      return true;
    }
    e = candidate.driverError ?? candidate.cause;
  }
  return false;
}
