import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createServer, type Server } from 'node:http';
import type { AllConfig } from '../config/configuration.js';
import { checkMetricsAccess } from './metrics-token.js';
import { Metrics } from './metrics.service.js';

/**
 * The worker has no HTTP server, so it serves `GET /metrics` on a small listener of its own
 * (METRICS_PORT, token required), and Prometheus scrapes each worker pod; `GET /live` there is
 * the pod's liveness probe. Chosen over pushing
 * figures through Redis for the API to serve: no aggregation code, a dead worker's series
 * disappear with it, and `up{}` tells which worker is down.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server?: Server;

  constructor(
    private readonly metrics: Metrics,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { port, token } = this.config.getOrThrow('metrics', { infer: true });
    if (!port || !token) return;
    const host = this.config.getOrThrow('app', { infer: true }).host;
    const server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      // Liveness for Kubernetes: answered by the event loop, says nothing, needs no token.
      if (req.method === 'GET' && path === '/live') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      if (req.method !== 'GET' || path !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      if (checkMetricsAccess(token, req.headers.authorization) !== 'allowed') {
        res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
        return;
      }
      this.metrics.render().then(
        (body) => res.writeHead(200, { 'content-type': this.metrics.contentType }).end(body),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    this.logger.log(`metrics on http://${host}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
