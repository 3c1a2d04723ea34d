import { z } from 'zod';

/**
 * DATABASE_URL alone, for the migration tools, which must not demand the API's other
 * settings (JWT secret, Redis) just to apply a schema. Reads `.env` like the app does.
 */
export function databaseUrlFromEnvironment(): string {
  try {
    process.loadEnvFile('.env');
  } catch {
    // no .env file: the environment alone configures the run
  }
  const parsed = z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .safeParse(process.env.DATABASE_URL);
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: DATABASE_URL ${parsed.error.issues[0]?.message ?? 'is required'}`,
    );
  }
  return parsed.data;
}
