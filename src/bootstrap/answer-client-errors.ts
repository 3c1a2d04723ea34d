import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { ErrorCode, statusForCode } from '../common/errors/index.js';

/**
 * Node's own header limit (16 KB, `--max-http-header-size`) is kept on purpose: the largest
 * header this API reads is a bearer token of well under 2 KB, and a bigger limit only makes
 * every connection cost more. What changes is the answer.
 */
const DRAIN_BEFORE_CLOSE_MS = 1_000;

function rawResponse(reason: string, code: ErrorCode, message: string): string {
  const status = statusForCode(code);
  const requestId = randomUUID();
  const body = JSON.stringify({ statusCode: status, code, message, requestId });
  return [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-ID: ${requestId}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Errors Node's HTTP parser raises before Express sees the request (headers too large,
 * malformed request line) are answered with the common error body instead of Node's empty
 * 431/400. The socket is half-closed and drained for a moment rather than destroyed: closing
 * with the client's unread bytes still queued makes the kernel send a reset, and the client
 * sees "connection reset" instead of the 431.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const response =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? rawResponse(
            'Request Header Fields Too Large',
            ErrorCode.HEADERS_TOO_LARGE,
            'The request headers are larger than the 16 KB allowed',
          )
        : error.code === 'HPE_REQUEST_TIMEOUT' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? rawResponse('Request Timeout', ErrorCode.REQUEST_TIMEOUT, 'The request took too long')
          : rawResponse('Bad Request', ErrorCode.BAD_REQUEST, 'Malformed HTTP request');
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.end(response);
    setTimeout(() => socket.destroy(), DRAIN_BEFORE_CLOSE_MS).unref();
  });
}
