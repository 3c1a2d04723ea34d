import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminGuard } from './admin.guard.js';
import { AdminQueuesService } from './admin-queues.service.js';
import { AdminJobDto } from './dto/admin-job.response.dto.js';
import { ListJobsQuery } from './dto/list-jobs.query.js';
import { QueueActionResultDto, QueueSummaryDto } from './dto/queue-summary.response.dto.js';

@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'FORBIDDEN: the caller is not an admin' })
@UseGuards(AdminGuard)
@Controller('v1/admin')
export class AdminQueuesController {
  constructor(private readonly queues: AdminQueuesService) {}

  @Get('queues')
  @ApiOperation({ summary: 'Every queue with its job counts per state and whether it is paused' })
  @ApiOkResponse({ type: [QueueSummaryDto] })
  list(): Promise<QueueSummaryDto[]> {
    return this.queues.summaries();
  }

  @Post('queues/:name/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a queue for every worker (jobs in progress finish)' })
  @ApiOkResponse({ type: QueueActionResultDto })
  @ApiNotFoundResponse({ description: 'QUEUE_NOT_FOUND' })
  pause(@Param('name') name: string): Promise<QueueActionResultDto> {
    return this.queues.pause(name);
  }

  @Post('queues/:name/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused queue' })
  @ApiOkResponse({ type: QueueActionResultDto })
  @ApiNotFoundResponse({ description: 'QUEUE_NOT_FOUND' })
  resume(@Param('name') name: string): Promise<QueueActionResultDto> {
    return this.queues.resume(name);
  }

  @Post('queues/:name/retry-failed')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry the failed jobs of a queue (up to 1000 at a time)' })
  @ApiOkResponse({ type: QueueActionResultDto })
  @ApiNotFoundResponse({ description: 'QUEUE_NOT_FOUND' })
  retryFailed(@Param('name') name: string): Promise<QueueActionResultDto> {
    return this.queues.retryFailed(name);
  }

  @Post('queues/:name/clean-completed')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove the completed jobs kept in a queue' })
  @ApiOkResponse({ type: QueueActionResultDto })
  @ApiNotFoundResponse({ description: 'QUEUE_NOT_FOUND' })
  cleanCompleted(@Param('name') name: string): Promise<QueueActionResultDto> {
    return this.queues.cleanCompleted(name);
  }

  @Get('jobs')
  @ApiOperation({ summary: 'Jobs in one state (default failed), newest first, with reasons' })
  @ApiOkResponse({ type: [AdminJobDto] })
  @ApiNotFoundResponse({ description: 'QUEUE_NOT_FOUND' })
  jobs(@Query() query: ListJobsQuery): Promise<AdminJobDto[]> {
    return this.queues.jobs(query);
  }
}
