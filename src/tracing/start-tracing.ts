import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
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
 * Starts OpenTelemetry once per process (later calls are no-ops): auto-instrumentation of
 * HTTP, Express, pg, ioredis, plus the manual spans of src/tracing/tracer.ts. The ESM hook is
 * registered first, so modules imported from ESM code get patched too.
 */
export function startTracing(options: TracingOptions = {}): NodeSDK {
  const running = registry[STARTED];
  if (running) return running;
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const sdk = new NodeSDK({
    spanProcessors: options.spanProcessors,
    instrumentations: [
      getNodeAutoInstrumentations({
        '@opentelemetry/instrumentation-fs': { enabled: false },
        '@opentelemetry/instrumentation-dns': { enabled: false },
        '@opentelemetry/instrumentation-net': { enabled: false },
        // The logger mixin writes traceId/spanId itself (src/logging), with or without it.
        '@opentelemetry/instrumentation-pino': { enabled: false },
      }),
    ],
  });
  sdk.start();
  registry[STARTED] = sdk;
  const stop = () => void sdk.shutdown().catch(() => undefined);
  process.once('beforeExit', stop);
  return sdk;
}
