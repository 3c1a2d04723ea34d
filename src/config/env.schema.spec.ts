import { describe, expect, it } from 'vitest';
import { ConfigValidationError, parseEnv } from './env.schema.js';

const valid = {
  NODE_ENV: 'development',
  DATABASE_URL: 'postgres://u:p@localhost:5432/receipt_vault',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'x'.repeat(40),
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseEnv(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as ConfigValidationError).problems;
  }
}

describe('parseEnv', () => {
  it('applies documented defaults', () => {
    const env = parseEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024);
    expect(env.MAX_IMAGE_PIXELS).toBe(40_000_000);
    expect(env.JWT_ACCESS_TTL_SECONDS).toBe(900);
    expect(env.QUEUE_ATTEMPTS).toBe(3);
    expect(env.BATCH_MAX_FILES).toBe(100);
    expect(env.OCR_IMAGE_THREADS).toBe(1);
  });

  it('keeps BATCH_MAX_FILES between 1 and 1000', () => {
    expect(parseEnv({ ...valid, BATCH_MAX_FILES: '1000' }).BATCH_MAX_FILES).toBe(1000);
    expect(() => parseEnv({ ...valid, BATCH_MAX_FILES: '0' })).toThrow(/BATCH_MAX_FILES/);
    expect(() => parseEnv({ ...valid, BATCH_MAX_FILES: '1001' })).toThrow(/BATCH_MAX_FILES/);
  });

  it('reads the webhook allow-list and refuses entries that are not hosts, addresses or ranges', () => {
    expect(
      parseEnv({ ...valid, WEBHOOK_ALLOW_PRIVATE_HOSTS: ' Hooks.Internal, 10.0.0.0/8 ,::1' })
        .WEBHOOK_ALLOW_PRIVATE_HOSTS,
    ).toEqual(['hooks.internal', '10.0.0.0/8', '::1']);
    expect(parseEnv(valid).WEBHOOK_ALLOW_PRIVATE_HOSTS).toEqual([]);
    expect(() => parseEnv({ ...valid, WEBHOOK_ALLOW_PRIVATE_HOSTS: 'http://x' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_HOSTS/,
    );
  });

  it.each([
    ['tesseract', ['tesseract']],
    ['ppocr', ['ppocr']],
    ['ppocr,tesseract', ['tesseract', 'ppocr']],
    [' Tesseract , PPOCR ', ['tesseract', 'ppocr']],
  ])('reads OCR_ENGINES=%j as %j', (value, engines) => {
    expect(parseEnv({ ...valid, OCR_ENGINES: value }).OCR_ENGINES).toEqual(engines);
  });

  it.each(['easyocr', 'ppocr,ppocr', ',', 'tesseract,'])('refuses OCR_ENGINES=%j', (value) => {
    const found = problems({ ...valid, OCR_ENGINES: value });
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((problem) => !problem.startsWith('OCR_ENGINES'))).toEqual([]);
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ ...valid, PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT /],
    [{ PORT: '70000' }, /^PORT /],
    [{ DATABASE_URL: 'mysql://x/y' }, /^DATABASE_URL must be a postgres/],
    [{ DATABASE_URL: undefined }, /^DATABASE_URL /],
    [{ REDIS_URL: 'localhost:6379' }, /^REDIS_URL must be a redis/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL /],
    [{ REDIS_KEY_PREFIX: 'a b' }, /^REDIS_KEY_PREFIX /],
    [{ METRICS_PORT: '9464' }, /^METRICS_PORT needs METRICS_TOKEN/],
    [{ STORAGE_DRIVER: 's3' }, /^S3_BUCKET is required when STORAGE_DRIVER=s3/],
    [{ STORAGE_DRIVER: 'ftp' }, /^STORAGE_DRIVER /],
    [{ S3_ACCESS_KEY_ID: 'AKIA' }, /^S3_SECRET_ACCESS_KEY and S3_ACCESS_KEY_ID are set together/],
    [{ METRICS_TOKEN: 'short' }, /^METRICS_TOKEN must be at least 16/],
  ])('names the bad variable in %j', (override, expected) => {
    expect(problems({ ...valid, ...override })).toEqual(
      expect.arrayContaining([expect.stringMatching(expected)]),
    );
  });

  it.each(['short-secret', 'change-me-to-at-least-32-random-bytes-of-secret'])(
    'refuses the weak secret %j in production',
    (secret) => {
      expect(problems({ ...valid, NODE_ENV: 'production', JWT_SECRET: secret })).toEqual([
        expect.stringMatching(/^JWT_SECRET must be at least 32 random characters/),
      ]);
    },
  );

  it('accepts a short secret in development and test', () => {
    expect(parseEnv({ ...valid, JWT_SECRET: 'dev' }).JWT_SECRET).toBe('dev');
  });

  it('refuses to run tests against a database whose name lacks "test"', () => {
    expect(problems({ ...valid, NODE_ENV: 'test' })).toEqual([
      expect.stringMatching(/^DATABASE_URL tests refuse to run against database "receipt_vault"/),
    ]);
    expect(
      problems({ ...valid, NODE_ENV: 'test', DATABASE_URL: 'postgres://u@h/rv_test_1' }),
    ).toEqual([]);
  });
});
