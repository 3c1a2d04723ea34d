import { z } from 'zod';
import { isValidAllowListEntry } from '../webhooks/delivery/address-policy.js';

const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a ${protocols.map((p) => p.replace(':', '://')).join(' or ')} URL`,
    );

/**
 * OCR engines a worker can run. Lives here, not in src/ocr, because the API process validates
 * the same environment and must never import the OCR code.
 */
export const OCR_ENGINE_NAMES = ['tesseract', 'ppocr'] as const;

/**
 * `OCR_ENGINES`: one engine, or both (comma-separated, any order) to read every page twice and
 * combine the readings.
 */
export const ocrEnginesSchema = z
  .string()
  .transform((value) => value.split(',').map((name) => name.trim().toLowerCase()))
  .pipe(
    z
      .array(z.enum(OCR_ENGINE_NAMES))
      .min(1)
      .refine((names) => new Set(names).size === names.length, 'must not repeat an engine'),
  )
  .transform((names) => OCR_ENGINE_NAMES.filter((name) => names.includes(name)));

/** Secrets that appear in docs and examples; they must never protect a real deployment. */
const KNOWN_WEAK_SECRETS = [
  'change-me-to-at-least-32-random-bytes-of-secret',
  'secret',
  'changeme',
  'development-secret',
];

/** Templates (deploy/kubernetes/secret.template.yaml) mark values to replace this way. */
const PLACEHOLDER = /change-?me/i;

/**
 * The whole environment, validated once at boot. Every variable here is documented in
 * `.env.example`; nothing outside `src/config` reads `process.env`.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: int(3000, 1, 65535),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_URL: z.string().url().optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    SLOW_REQUEST_MS: int(1000, 1),
    SHUTDOWN_GRACE_MS: int(10_000, 0),
    TRUST_PROXY: bool(false),

    DATABASE_URL: url(['postgres:', 'postgresql:']),
    DATABASE_POOL_SIZE: int(10, 1, 200),
    DATABASE_CONNECT_TIMEOUT_MS: int(2000, 100),

    REDIS_URL: url(['redis:', 'rediss:']),
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[a-z0-9_-]{1,32}$/i, 'letters, digits, - and _ only')
      .default('rv'),
    REDIS_COMMAND_TIMEOUT_MS: int(1000, 50, 60_000),
    CACHE_TTL_SECONDS: int(300, 1),

    JWT_SECRET: z.string().min(1, 'is required'),
    JWT_ISSUER: z.string().min(1).default('receipt-vault'),
    JWT_AUDIENCE: z.string().min(1).default('receipt-vault-api'),
    JWT_ACCESS_TTL_SECONDS: int(900, 30, 86_400),
    SESSION_CACHE_TTL_SECONDS: int(60, 1, 3600),
    REFRESH_TOKEN_TTL_DAYS: int(30, 1, 365),
    THROTTLE_AUTH_LIMIT: int(10, 1),
    THROTTLE_AUTH_TTL_SECONDS: int(60, 1),
    API_KEY_RATE_LIMIT: int(600, 1),
    API_KEY_RATE_TTL_SECONDS: int(60, 1),

    STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
    STORAGE_DIR: z.string().min(1).default('./.data/storage'),
    S3_BUCKET: z.string().min(3).max(63).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ENDPOINT: url(['http:', 'https:']).optional(),
    S3_FORCE_PATH_STYLE: bool(false),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    MAX_UPLOAD_BYTES: int(20 * 1024 * 1024, 1),
    MAX_IMAGE_PIXELS: int(40_000_000, 1),
    MAX_PDF_PAGES: int(20, 1),
    BATCH_MAX_FILES: int(100, 1, 1000),
    TRASH_RETENTION_DAYS: int(30, 1),
    TRASH_PURGE_INTERVAL_MS: int(3_600_000, 1000),

    QUEUE_ATTEMPTS: int(3, 1, 20),
    QUEUE_BACKOFF_MS: int(2000, 0),
    WORKER_CONCURRENCY: int(2, 1, 16),
    QUEUE_LOCK_DURATION_MS: int(20_000, 500),
    QUEUE_STALLED_INTERVAL_MS: int(15_000, 200),
    QUEUE_MAX_STALLED_COUNT: int(3, 0, 100),
    WORKER_HEARTBEAT_MS: int(5000, 500),
    WORKER_STALE_AFTER_MS: int(30_000, 1000),
    RECONCILE_INTERVAL_MS: int(60_000, 1000),
    STUCK_PROCESSING_MS: int(15 * 60_000, 10_000),
    OCR_ENGINES: ocrEnginesSchema.prefault('tesseract'),
    OCR_POOL_SIZE: int(2, 1, 8),
    OCR_RECYCLE_AFTER_JOBS: int(100, 1),
    OCR_JOB_TIMEOUT_MS: int(60_000, 1000),
    OCR_IMAGE_THREADS: int(1, 1, 16),

    HEALTH_CHECK_TIMEOUT_MS: int(1500, 50),
    SSE_HEARTBEAT_MS: int(15_000, 100),
    WEB_DIR: z.string().min(1).default('./dist/web'),

    WEBHOOK_ALLOW_PRIVATE_HOSTS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((entry) => entry.trim().toLowerCase())
          .filter(Boolean),
      )
      .refine((entries) => entries.every(isValidAllowListEntry), {
        message: 'must be a comma-separated list of hostnames, IP addresses or CIDR ranges',
      }),
    WEBHOOK_TIMEOUT_MS: int(5000, 100, 60_000),
    WEBHOOK_MAX_ATTEMPTS: int(8, 1, 20),
    WEBHOOK_BACKOFF_MS: int(680_000, 0),

    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    METRICS_PORT: int(0, 0, 65535),
    ADMIN_EMAILS: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    // Outside dev and test a weak or example secret would let anyone mint tokens.
    if (env.NODE_ENV === 'production') {
      if (
        env.JWT_SECRET.length < 32 ||
        KNOWN_WEAK_SECRETS.includes(env.JWT_SECRET) ||
        PLACEHOLDER.test(env.JWT_SECRET)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['JWT_SECRET'],
          message:
            'must be at least 32 random characters and not an example value in production (generate one with `openssl rand -base64 48`)',
        });
      }
    }
    if (env.NODE_ENV === 'production' && env.METRICS_TOKEN && PLACEHOLDER.test(env.METRICS_TOKEN)) {
      ctx.addIssue({
        code: 'custom',
        path: ['METRICS_TOKEN'],
        message: 'is still the placeholder of a template',
      });
    }
    if (env.STORAGE_DRIVER === 's3' && !env.S3_BUCKET) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message: 'is required when STORAGE_DRIVER=s3',
      });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_SECRET_ACCESS_KEY'],
        message:
          'and S3_ACCESS_KEY_ID are set together (or neither, for the default credential chain)',
      });
    }
    // A metrics listener without a token would publish queue and user-activity figures.
    if (env.METRICS_PORT > 0 && !env.METRICS_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['METRICS_PORT'],
        message: 'needs METRICS_TOKEN: metrics are never served without one',
      });
    }
    // The test harness must never point at a real database (STYLE: domain-driven-hexagon guard).
    if (env.NODE_ENV === 'test') {
      const name = new URL(env.DATABASE_URL).pathname.replace(/^\//, '');
      if (!name.includes('test')) {
        ctx.addIssue({
          code: 'custom',
          path: ['DATABASE_URL'],
          message: `tests refuse to run against database "${name}": its name must contain "test"`,
        });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

export function parseEnv(raw: Record<string, string | undefined>): Env {
  // Empty strings (e.g. `FOO=` in .env) mean "not set", so defaults apply.
  const cleaned = Object.fromEntries(
    Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigValidationError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'} ${issue.message}`),
    );
  }
  return result.data;
}
