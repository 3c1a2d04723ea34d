import './bootstrap/runtime-guard.js';
import './instrumentation.js';
import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { configureApp } from './bootstrap/configure-app.js';
import { closeOnSignals } from './bootstrap/shutdown.js';
import { reportBootFailure } from './bootstrap/report-boot-failure.js';
import type { AllConfig } from './config/configuration.js';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  configureApp(app);
  const config = app.get(ConfigService<AllConfig, true>);
  const { port, host, shutdownGraceMs } = config.getOrThrow('app', { infer: true });
  closeOnSignals(app, shutdownGraceMs, app.get(Logger));
  await app.listen(port, host);
  app
    .get(Logger)
    .log(
      `API listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (docs at /docs)`,
      'Bootstrap',
    );
}

bootstrap().catch(reportBootFailure);
