import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { startTracing } from '../../../src/tracing/start-tracing.js';

export interface CollectedSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
}

/**
 * Preloaded (`--import`) into an app process by a test: starts tracing with an in-memory
 * exporter before the app loads, and answers the message `spans` over IPC with every
 * span finished so far.
 */
const exporter = new InMemorySpanExporter();
startTracing({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });

process.on('message', (message) => {
  if (message !== 'spans') return;
  const spans: CollectedSpan[] = exporter.getFinishedSpans().map((span) => ({
    name: span.name,
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    attributes: { ...span.attributes },
  }));
  process.send?.({ spans });
});
