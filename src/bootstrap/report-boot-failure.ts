import { ConfigValidationError } from '../config/env.schema.js';

/** A process that cannot boot says why in one readable message and exits non-zero. */
export function reportBootFailure(error: unknown): never {
  if (error instanceof ConfigValidationError) {
    console.error(error.message);
  } else if (error instanceof Error && error.message.startsWith('Invalid configuration')) {
    console.error(error.message);
  } else {
    console.error('Failed to start:', error);
  }
  process.exit(1);
}
