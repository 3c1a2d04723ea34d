import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import { ClsServiceManager } from 'nestjs-cls';
import { AppError, ErrorCode, isDependencyUnavailable, statusForCode } from '../errors/index.js';
import type { ErrorResponseDto } from '../dto/error-response.dto.js';

interface Mapped {
  status: number;
  body: Omit<ErrorResponseDto, 'requestId'>;
  headers: Record<string, string>;
}

const CODE_FOR_HTTP_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_REQUEST,
  401: ErrorCode.UNAUTHORIZED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  422: ErrorCode.VALIDATION_FAILED,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.DEPENDENCY_UNAVAILABLE,
};

/** @nestjs/throttler names its header after the throttler (`Retry-After-ip`); clients expect one. */
function retryAfterFromThrottler(res: Response): number {
  const seconds = res
    .getHeaderNames()
    .filter((name) => name.startsWith('retry-after'))
    .map((name) => Number(res.getHeader(name)))
    .filter((n) => Number.isFinite(n));
  return Math.max(1, ...seconds);
}

/**
 * The single place where an error becomes an HTTP response:
 * `{ statusCode, code, message, requestId, details? }`. Unknown errors are logged with their
 * stack and answered with a generic 500 so nothing internal leaks.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const mapped = this.map(exception, res);
    const requestId = ClsServiceManager.getClsService().getId() ?? res.getHeader('X-Request-ID');

    if (mapped.status >= 500 && !(exception instanceof AppError)) {
      this.logger.error({ err: exception }, 'Unhandled error');
    } else if (mapped.status >= 500) {
      this.logger.warn({ code: mapped.body.code, err: exception }, mapped.body.message);
    }

    if (res.headersSent) {
      // Streaming responses (SSE, file downloads) cannot change their status any more.
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(mapped.headers)) res.setHeader(name, value);
    res.status(mapped.status).json({ ...mapped.body, requestId });
  }

  private map(exception: unknown, res: Response): Mapped {
    if (exception instanceof AppError) {
      const status = statusForCode(exception.code);
      const headers: Record<string, string> = {};
      if (exception.retryAfterSeconds !== undefined)
        headers['Retry-After'] = String(exception.retryAfterSeconds);
      if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
      return {
        status,
        headers,
        body: {
          statusCode: status,
          code: exception.code,
          message: exception.message,
          ...(exception.details === undefined ? {} : { details: exception.details }),
        },
      };
    }

    if (exception instanceof ThrottlerException) {
      return {
        status: 429,
        headers: { 'Retry-After': String(retryAfterFromThrottler(res)) },
        body: {
          statusCode: 429,
          code: ErrorCode.RATE_LIMITED,
          message: 'Too many requests, try again later',
        },
      };
    }

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Nest turns body-parser's SyntaxError into a plain 400; say precisely what it was.
      if (status === 400 && exception.cause instanceof SyntaxError) {
        return {
          status,
          headers: {},
          body: {
            statusCode: 400,
            code: ErrorCode.MALFORMED_JSON,
            message: 'The request body is not valid JSON',
          },
        };
      }
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? String(response.message)
          : exception.message;
      const headers: Record<string, string> =
        status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
      return {
        status,
        headers,
        body: {
          statusCode: status,
          code:
            CODE_FOR_HTTP_STATUS[status] ??
            (status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST),
          message: status >= 500 ? 'Internal server error' : message,
        },
      };
    }

    if (isDependencyUnavailable(exception)) {
      return {
        status: 503,
        headers: { 'Retry-After': '2' },
        body: {
          statusCode: 503,
          code: ErrorCode.DEPENDENCY_UNAVAILABLE,
          message: 'A backing service is unavailable, try again shortly',
        },
      };
    }

    return {
      status: 500,
      headers: {},
      body: { statusCode: 500, code: ErrorCode.INTERNAL_ERROR, message: 'Internal server error' },
    };
  }
}
