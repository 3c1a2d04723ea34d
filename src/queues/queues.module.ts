import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueRegistry } from './queue-registry.js';

/** The registry of this process's Bull queues, for metrics and the admin view. */
@Module({
  imports: [DiscoveryModule],
  providers: [QueueRegistry],
  exports: [QueueRegistry],
})
export class QueuesModule {}
