import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { NodeSDK } from '@opentelemetry/sdk-node';

/**
 * OpenTelemetry, loaded before Nest, pg and ioredis so their modules get patched. Off unless
 * OTEL_ENABLED=true: auto-instrumentation halves the API's request rate on a small box, and
 * without an OTLP endpoint there is nowhere to send spans. Exporters and the endpoint follow
 * the standard OTEL_* variables (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, …).
 */
if (process.env.OTEL_ENABLED === 'true') {
  process.env.OTEL_SERVICE_NAME ??= 'receipt-vault';
  const sdk = new NodeSDK({
    instrumentations: [
      getNodeAutoInstrumentations({
        '@opentelemetry/instrumentation-fs': { enabled: false },
        '@opentelemetry/instrumentation-dns': { enabled: false },
        '@opentelemetry/instrumentation-net': { enabled: false },
      }),
    ],
  });
  sdk.start();
  const stop = () => void sdk.shutdown().catch(() => undefined);
  process.once('beforeExit', stop);
}
