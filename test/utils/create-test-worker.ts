import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

/** The real worker (no HTTP server), as `worker.ts` starts it. Call `useTestEnv()` first. */
export async function createTestWorker(): Promise<INestApplicationContext> {
  const { WorkerModule } = await import('../../src/worker.module.js');
  const { Logger } = await import('nestjs-pino');
  const worker = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  worker.useLogger(worker.get(Logger));
  await worker.init();
  return worker;
}
