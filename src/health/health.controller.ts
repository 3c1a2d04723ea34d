import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../common/decorators/public.decorator.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { ReadinessService } from './readiness.service.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up. Never touches a dependency.' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: PostgreSQL, Redis, the queue, storage and a recent worker heartbeat',
  })
  @ApiOkResponse({ description: 'All checks up, with per-check detail' })
  @ApiServiceUnavailableResponse({
    type: ErrorResponseDto,
    description: 'DEPENDENCY_UNAVAILABLE; `details` lists every check with its status',
  })
  ready(): Promise<HealthCheckResult> {
    return this.readiness.check();
  }
}
