/**
 * OpenTelemetry, loaded before Nest, pg and ioredis so their modules get patched. Off unless
 * OTEL_ENABLED=true: auto-instrumentation costs request rate (bench/RESULTS.md), and without
 * an OTLP endpoint there is nowhere to send spans. Exporters and the endpoint follow the
 * standard OTEL_* variables (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, …).
 */
if (process.env.OTEL_ENABLED === 'true') {
  process.env.OTEL_SERVICE_NAME ??= 'receipt-vault';
  // Loaded only when on: the SDK and its instrumentations cost boot time and memory.
  const { startTracing } = await import('./tracing/start-tracing.js');
  startTracing();
}
