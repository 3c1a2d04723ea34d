import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics.service.js';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The route *template* (`/v1/receipts/:id`), never the URL: ids in a label would make a
 * new series per receipt. Requests no route matched (404s, scanners) share one value.
 */
function routeOf(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  if (typeof route?.path !== 'string') return 'unmatched';
  return `${req.baseUrl}${route.path}` || '/';
}

/**
 * Times every request from its first byte to the end of the response, errors, refusals and
 * aborted uploads included. Mounted first in `configureApp`, so body parsing is counted.
 */
export function createHttpMetricsMiddleware(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    res.once('close', () => {
      stop({
        method: METHODS.has(req.method) ? req.method : 'OTHER',
        route: routeOf(req),
        status_code: String(res.statusCode),
      });
    });
    next();
  };
}
