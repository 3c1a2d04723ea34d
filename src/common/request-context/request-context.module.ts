import { Module } from '@nestjs/common';
import { ClsMiddleware, ClsModule } from 'nestjs-cls';
import type { Request, Response } from 'express';
import { pickRequestId, REQUEST_ID_HEADER } from './request-id.js';

/**
 * The request context (nestjs-cls). Its middleware is mounted by `configureApp` as the very
 * first Express middleware, ahead of the body parser, so even a malformed-JSON 400 carries
 * the request id; guards run before interceptors, which is why this is not an interceptor.
 */
@Module({
  imports: [ClsModule.forRoot({ global: true, middleware: { mount: false } })],
})
export class RequestContextModule {}

/** Keeps a sane incoming `X-Request-ID` or makes one, and echoes it at once on the response. */
export function createRequestContextMiddleware(): ClsMiddleware['use'] {
  return new ClsMiddleware({
    generateId: true,
    // Both default to on and cost every request: resolving proxy providers does a dynamic
    // `import()` each time, which with tracing on (the ESM loader hook) is a synchronous round
    // trip to the loader thread — about a third of the API's CPU under load (bench/RESULTS.md).
    // This app registers neither proxy providers nor cls plugins.
    resolveProxyProviders: false,
    initializePlugins: false,
    idGenerator: (req: Request) => pickRequestId(req.headers['x-request-id']),
    setup: (cls, _req: Request, res: Response) => {
      res.setHeader(REQUEST_ID_HEADER, cls.getId());
    },
  }).use;
}
