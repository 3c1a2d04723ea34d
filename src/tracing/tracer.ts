import {
  type Attributes,
  type Context,
  context as otelContext,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

/**
 * Receipt Vault's own spans (upload, queue wait, worker stages, OCR calls). Without
 * OTEL_ENABLED no tracer provider is registered and every call here is a cheap no-op.
 */
export const tracer = trace.getTracer('receipt-vault');

/** Runs `work` inside a new active span (child of the current one), recording failures. */
export function inSpan<T>(
  name: string,
  work: (span: Span) => Promise<T>,
  attributes: Attributes = {},
  kind: SpanKind = SpanKind.INTERNAL,
): Promise<T> {
  return tracer.startActiveSpan(name, { attributes, kind }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** W3C trace context of the active span (`traceparent`, `tracestate`), for job data. */
export function currentTraceCarrier(): Record<string, string> | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(otelContext.active(), carrier);
  return Object.keys(carrier).length ? carrier : undefined;
}

/** The context a job's carrier describes, so the worker's spans join the upload's trace. */
export function contextFromCarrier(carrier: unknown): Context {
  if (typeof carrier !== 'object' || carrier === null) return ROOT_CONTEXT;
  const strings = Object.fromEntries(
    Object.entries(carrier).filter(([, v]) => typeof v === 'string'),
  ) as Record<string, string>;
  return propagation.extract(ROOT_CONTEXT, strings);
}

/** The active trace and span ids, for log lines; undefined outside a sampled span. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId, traceFlags } = span.spanContext();
  if (!trace.isSpanContextValid(span.spanContext()) || !(traceFlags & 1)) return undefined;
  return { traceId, spanId };
}
