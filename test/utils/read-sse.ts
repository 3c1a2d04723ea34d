export interface SseEvent {
  id?: string;
  event: string;
  data: any;
}

export interface SseResult {
  status: number;
  headers: Headers;
  events: SseEvent[];
  /** True when the server ended the stream; false when `stopWhen` made the client hang up. */
  closedByServer: boolean;
  /** The parsed body of a non-200 answer. */
  body?: any;
}

export interface ReadSseOptions {
  headers?: Record<string, string>;
  token?: string;
  /** Hang up after the event for which this returns true. */
  stopWhen?: (event: SseEvent, all: SseEvent[]) => boolean;
  /** Called with every event as it arrives (e.g. to act once the stream is open). */
  onEvent?: (event: SseEvent) => void;
  timeoutMs?: number;
}

/**
 * Reads a Server-Sent Events stream with fetch, as a browser's EventSource would parse it,
 * until the server closes it (or `stopWhen` says to hang up). Throws when neither happens
 * within `timeoutMs`.
 */
export async function readSse(url: string, options: ReadSseOptions = {}): Promise<SseResult> {
  const controller = new AbortController();
  const timer = setTimeout(
    () =>
      controller.abort(
        new Error(`SSE ${url}: not finished within ${options.timeoutMs ?? 60_000} ms`),
      ),
    options.timeoutMs ?? 60_000,
  );
  const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  try {
    const response = await fetch(url, { headers, signal: controller.signal });
    if (response.status !== 200 || !response.body) {
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON
      }
      return {
        status: response.status,
        headers: response.headers,
        events: [],
        closedByServer: true,
        body,
      };
    }

    const events: SseEvent[] = [];
    const decoder = new TextDecoder();
    let buffer = '';
    let current: { id?: string; event?: string; data: string[] } = { data: [] };
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { status: 200, headers: response.headers, events, closedByServer: true };
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r\n|\n|\r/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (current.data.length || current.event) {
            const raw = current.data.join('\n');
            let data: unknown = raw;
            try {
              data = JSON.parse(raw);
            } catch {
              // plain text data
            }
            const event: SseEvent = { id: current.id, event: current.event ?? 'message', data };
            events.push(event);
            options.onEvent?.(event);
            if (options.stopWhen?.(event, events)) {
              await reader.cancel();
              return { status: 200, headers: response.headers, events, closedByServer: false };
            }
          }
          current = { data: [] };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') current.id = value;
        else if (field === 'event') current.event = value;
        else if (field === 'data') current.data.push(value);
      }
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts reading a stream and also says when its first event arrived, i.e. when the server has
 * taken the request and the client is listening (for tests that must act only after that).
 */
export function openSse(
  url: string,
  options: ReadSseOptions = {},
): { opened: Promise<void>; result: Promise<SseResult> } {
  let opened!: () => void;
  const openedPromise = new Promise<void>((resolve) => (opened = resolve));
  const result = readSse(url, {
    ...options,
    onEvent: (event) => {
      opened();
      options.onEvent?.(event);
    },
  });
  return { opened: openedPromise, result };
}
