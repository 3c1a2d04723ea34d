import { registerAs } from '@nestjs/config';
import { type Env, parseEnv } from './env.schema.js';

/**
 * Each area parses the whole environment: seven parses at boot cost microseconds, and no
 * cache means tests that change `process.env` between apps always see their own values.
 */
export function loadEnv(): Env {
  return parseEnv(process.env);
}

export const appConfig = registerAs('app', () => {
  const env = loadEnv();
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty'),
    slowRequestMs: env.SLOW_REQUEST_MS,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    trustProxy: env.TRUST_PROXY,
    healthCheckTimeoutMs: env.HEALTH_CHECK_TIMEOUT_MS,
    sseHeartbeatMs: env.SSE_HEARTBEAT_MS,
    webDir: env.WEB_DIR,
  };
});

export const databaseConfig = registerAs('database', () => {
  const env = loadEnv();
  return {
    url: env.DATABASE_URL,
    poolSize: env.DATABASE_POOL_SIZE,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
  };
});

export const redisConfig = registerAs('redis', () => {
  const env = loadEnv();
  return {
    url: env.REDIS_URL,
    keyPrefix: env.REDIS_KEY_PREFIX,
    commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
    cacheTtlSeconds: env.CACHE_TTL_SECONDS,
  };
});

export const authConfig = registerAs('auth', () => {
  const env = loadEnv();
  return {
    jwtSecret: env.JWT_SECRET,
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
    accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
    sessionCacheTtlSeconds: env.SESSION_CACHE_TTL_SECONDS,
    refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    throttleLimit: env.THROTTLE_AUTH_LIMIT,
    throttleTtlSeconds: env.THROTTLE_AUTH_TTL_SECONDS,
    apiKeyRateLimit: env.API_KEY_RATE_LIMIT,
    apiKeyRateTtlSeconds: env.API_KEY_RATE_TTL_SECONDS,
  };
});

export const storageConfig = registerAs('storage', () => {
  const env = loadEnv();
  return {
    driver: env.STORAGE_DRIVER,
    dir: env.STORAGE_DIR,
    s3: {
      bucket: env.S3_BUCKET ?? '',
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      credentials:
        env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
          : undefined,
    },
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
    maxImagePixels: env.MAX_IMAGE_PIXELS,
    maxPdfPages: env.MAX_PDF_PAGES,
    batchMaxFiles: env.BATCH_MAX_FILES,
    trashRetentionDays: env.TRASH_RETENTION_DAYS,
    trashPurgeIntervalMs: env.TRASH_PURGE_INTERVAL_MS,
  };
});

export const queueConfig = registerAs('queue', () => {
  const env = loadEnv();
  return {
    attempts: env.QUEUE_ATTEMPTS,
    backoffMs: env.QUEUE_BACKOFF_MS,
    concurrency: env.WORKER_CONCURRENCY,
    lockDurationMs: env.QUEUE_LOCK_DURATION_MS,
    stalledIntervalMs: env.QUEUE_STALLED_INTERVAL_MS,
    maxStalledCount: env.QUEUE_MAX_STALLED_COUNT,
    heartbeatMs: env.WORKER_HEARTBEAT_MS,
    workerStaleAfterMs: env.WORKER_STALE_AFTER_MS,
    reconcileIntervalMs: env.RECONCILE_INTERVAL_MS,
    stuckProcessingMs: env.STUCK_PROCESSING_MS,
  };
});

export const ocrConfig = registerAs('ocr', () => {
  const env = loadEnv();
  return {
    engines: env.OCR_ENGINES,
    poolSize: env.OCR_POOL_SIZE,
    recycleAfterJobs: env.OCR_RECYCLE_AFTER_JOBS,
    jobTimeoutMs: env.OCR_JOB_TIMEOUT_MS,
    imageThreads: env.OCR_IMAGE_THREADS,
    maxImagePixels: env.MAX_IMAGE_PIXELS,
    maxPdfPages: env.MAX_PDF_PAGES,
    batchMaxFiles: env.BATCH_MAX_FILES,
  };
});

export const webhooksConfig = registerAs('webhooks', () => {
  const env = loadEnv();
  return {
    allowPrivateHosts: env.WEBHOOK_ALLOW_PRIVATE_HOSTS,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
    backoffMs: env.WEBHOOK_BACKOFF_MS,
    requireHttps: env.NODE_ENV === 'production',
  };
});

export const metricsConfig = registerAs('metrics', () => {
  const env = loadEnv();
  return {
    /** Unset: `/metrics` answers 404 and no worker listener starts. */
    token: env.METRICS_TOKEN,
    /** The worker's own metrics listener; 0 = none. */
    port: env.METRICS_PORT,
  };
});

export const adminConfig = registerAs('admin', () => {
  const env = loadEnv();
  return {
    /** Accounts that are admins whatever their stored role (comma-separated in the env). */
    emails: (env.ADMIN_EMAILS ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean),
  };
});

export const allConfigs = [
  appConfig,
  databaseConfig,
  redisConfig,
  authConfig,
  storageConfig,
  queueConfig,
  ocrConfig,
  webhooksConfig,
  metricsConfig,
  adminConfig,
];

/** The typed shape behind `ConfigService<AllConfig, true>`. */
export interface AllConfig {
  app: ReturnType<typeof appConfig>;
  database: ReturnType<typeof databaseConfig>;
  redis: ReturnType<typeof redisConfig>;
  auth: ReturnType<typeof authConfig>;
  storage: ReturnType<typeof storageConfig>;
  queue: ReturnType<typeof queueConfig>;
  ocr: ReturnType<typeof ocrConfig>;
  webhooks: ReturnType<typeof webhooksConfig>;
  metrics: ReturnType<typeof metricsConfig>;
  admin: ReturnType<typeof adminConfig>;
}
