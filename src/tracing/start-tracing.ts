import { AwsInstrumentation } from '@opentelemetry/instrumentation-aws-sdk';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';
import { register } from 'node:module';

// On globalThis, not in a module variable: once the ESM hook below is registered, a later
// import of this file can be a second instance of it (import-in-the-middle re-loads modules),
// and a second SDK would replace the first one's exporter.
const STARTED = Symbol.for('receipt-vault.tracing-sdk');
const registry = globalThis as { [STARTED]?: NodeSDK };

export interface TracingOptions {
  /** Replaces the exporter chosen by the OTEL_* variables (tests: an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
}

/**
 * Only the instrumentations whose spans say something about a request or a job. The
 * auto-instrumentations bundle patched every module it knew (the `router` package, generic
 * pools, runtime metrics…) and Express made a span for each of the eight middlewares every
 * request passes (request id, body parsers, metrics, web app, logger): more CPU than the spans
 * that matter (bench/RESULTS.md, Nov 30). Express keeps its request-handler span and still
 * names the HTTP span after the route template. The NestJS instrumentation (0.71) supports
 * Nest < 12 only and patched nothing here. Pino's instrumentation is not needed: the logger
 * mixin writes traceId/spanId itself (src/logging).
 */
function usefulInstrumentations() {
  return [
    new HttpInstrumentation(),
    new ExpressInstrumentation({
      ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER],
    }),
    new PgInstrumentation(),
    new IORedisInstrumentation(),
    // Outgoing calls: webhook deliveries (fetch) and object storage (S3).
    new UndiciInstrumentation(),
    new AwsInstrumentation(),
  ];
}

/**
 * Starts OpenTelemetry once per process (later calls are no-ops): the instrumentations above
 * plus the manual spans of src/tracing/tracer.ts. Spans leave through the SDK's default
 * BatchSpanProcessor for the OTLP exporter (queued, exported off the request path). The ESM
 * hook is registered first, so modules imported from ESM code get patched too.
 */
export function startTracing(options: TracingOptions = {}): NodeSDK {
  const running = registry[STARTED];
  if (running) return running;
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const sdk = new NodeSDK({
    spanProcessors: options.spanProcessors,
    instrumentations: usefulInstrumentations(),
  });
  sdk.start();
  registry[STARTED] = sdk;
  const stop = () => void sdk.shutdown().catch(() => undefined);
  process.once('beforeExit', stop);
  return sdk;
}
