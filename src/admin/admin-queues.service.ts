import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { AppError, ErrorCode } from '../common/errors/index.js';
import { QueueRegistry } from '../queues/queue-registry.js';
import type { AdminJobDto } from './dto/admin-job.response.dto.js';
import type { ListJobsQuery } from './dto/list-jobs.query.js';
import type { QueueActionResultDto, QueueSummaryDto } from './dto/queue-summary.response.dto.js';

const RETRY_BATCH = 1000;

/** Operator actions over every queue of the application (see QueueRegistry). */
@Injectable()
export class AdminQueuesService {
  private readonly logger = new Logger(AdminQueuesService.name);

  constructor(private readonly queues: QueueRegistry) {}

  summaries(): Promise<QueueSummaryDto[]> {
    return Promise.all(this.queues.all().map((queue) => this.summary(queue)));
  }

  async pause(name: string): Promise<QueueActionResultDto> {
    // Global pause: every worker stops taking jobs from this queue, not only this process.
    await this.get(name).pause(false);
    this.logger.warn({ queue: name }, 'queue paused');
    return { queue: name, affected: 0 };
  }

  async resume(name: string): Promise<QueueActionResultDto> {
    await this.get(name).resume(false);
    this.logger.warn({ queue: name }, 'queue resumed');
    return { queue: name, affected: 0 };
  }

  async retryFailed(name: string): Promise<QueueActionResultDto> {
    const failed = await this.get(name).getFailed(0, RETRY_BATCH - 1);
    await Promise.all(failed.map((job) => job.retry()));
    this.logger.warn({ queue: name, retried: failed.length }, 'failed jobs retried');
    return { queue: name, affected: failed.length };
  }

  async cleanCompleted(name: string): Promise<QueueActionResultDto> {
    const removed = await this.get(name).clean(0, 'completed');
    return { queue: name, affected: removed.length };
  }

  async jobs(query: ListJobsQuery): Promise<AdminJobDto[]> {
    const queues = query.queue ? [this.get(query.queue)] : this.queues.all();
    const perQueue = await Promise.all(
      queues.map(async (queue) => {
        const jobs = await queue.getJobs([query.state], 0, query.limit - 1);
        return jobs.filter(Boolean).map((job) => toDto(queue, job, query.state));
      }),
    );
    return perQueue
      .flat()
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, query.limit);
  }

  private async summary(queue: Queue): Promise<QueueSummaryDto> {
    const [counts, paused] = await Promise.all([queue.getJobCounts(), queue.isPaused()]);
    const c = counts as typeof counts & { paused?: number };
    return {
      name: queue.name,
      paused,
      counts: {
        waiting: c.waiting,
        active: c.active,
        delayed: c.delayed,
        failed: c.failed,
        completed: c.completed,
        paused: c.paused ?? 0,
      },
    };
  }

  private get(name: string): Queue {
    const queue = this.queues.find(name);
    if (!queue) throw new AppError(ErrorCode.QUEUE_NOT_FOUND, `No queue named "${name}"`);
    return queue;
  }
}

function toDto(queue: Queue, job: Job, state: string): AdminJobDto {
  return {
    queue: queue.name,
    id: String(job.id),
    name: job.name,
    state,
    attemptsMade: job.attemptsMade,
    failedReason: job.failedReason ?? undefined,
    createdAt: new Date(job.timestamp).toISOString(),
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : undefined,
  };
}
