import './bootstrap/runtime-guard.js';
import './instrumentation.js';
import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { closeOnSignals } from './bootstrap/shutdown.js';
import { reportBootFailure } from './bootstrap/report-boot-failure.js';
import type { AllConfig } from './config/configuration.js';
import { WorkerModule } from './worker.module.js';

async function bootstrap(): Promise<void> {
  // No HTTP server: the worker only consumes the queue.
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const config = app.get(ConfigService<AllConfig, true>);
  closeOnSignals(app, config.getOrThrow('app', { infer: true }).shutdownGraceMs, app.get(Logger));
  await app.init();
  app.get(Logger).log('Worker started', 'Bootstrap');
}

bootstrap().catch(reportBootFailure);
