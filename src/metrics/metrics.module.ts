import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics.service.js';

/** The process's metrics registry, shared by the API and the worker (each has its own). */
@Global()
@Module({
  providers: [Metrics],
  exports: [Metrics],
})
export class MetricsModule {}
