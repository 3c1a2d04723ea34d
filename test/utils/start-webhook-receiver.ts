import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  /** http://<host>:<port> */
  url: string;
  received: ReceivedWebhook[];
  /** How to answer the next requests, per path (default 200 "ok"). */
  answer(path: string, reply: (res: ServerResponse, count: number) => void): void;
  /** Resolves once `count` requests reached `path`. */
  waitFor(path: string, count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

/** A real HTTP server that records what webhooks deliver to it. */
export async function startWebhookReceiver(host = '127.0.0.2'): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const replies = new Map<string, (res: ServerResponse, count: number) => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const reply = replies.get(path);
      const count = received.filter((r) => r.path === path).length;
      if (reply) reply(res, count);
      else res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const forPath = (path: string) => received.filter((r) => r.path === path);
  return {
    url: `http://${host}:${port}`,
    received,
    answer: (path, reply) => replies.set(path, reply),
    async waitFor(path, count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (forPath(path).length < count) {
        if (Date.now() > deadline) {
          throw new Error(`${forPath(path).length}/${count} webhooks reached ${path}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return forPath(path);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
