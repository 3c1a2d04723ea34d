import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, ErrorCode } from '../errors/index.js';
import { assertJsonBodyWithinLimits } from '../request-body/json-body-limits.js';

export interface FieldError {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Bounds a body's shape before class-transformer walks it (recursively). */
class BoundedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') assertJsonBodyWithinLimits(value);
    return super.transform(value, metadata);
  }
}

/**
 * Unknown properties are refused (422) rather than silently dropped, so a client that sends
 * `id` or `role` learns at once that they are not accepted.
 */
export function createValidationPipe(): ValidationPipe {
  return new BoundedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new AppError(ErrorCode.VALIDATION_FAILED, 'The request is not valid', {
        details: flatten(errors),
      }),
  });
}
