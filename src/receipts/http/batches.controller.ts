import { Controller, Get, HttpCode, Param, Post, Req, Res, Sse, UseGuards } from '@nestjs/common';
import type { MessageEvent } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ClsService } from 'nestjs-cls';
import type { Observable } from 'rxjs';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequiresScope } from '../../auth/requires-scope.decorator.js';
import { Public } from '../../common/decorators/public.decorator.js';
import { BatchesService } from '../batches/batches.service.js';
import { BatchAcceptedDto, BatchResponseDto } from '../dto/batch.response.dto.js';
import { EventsTokenDto } from '../dto/receipt.response.dto.js';
import { UploadBatchDto } from '../dto/upload-batch.dto.js';
import { BatchEventStream } from './batch-event-stream.js';
import { BatchEventsAuthGuard } from './batch-events-auth.guard.js';
import { EVENTS_TOKEN_TTL_SECONDS, EventsTokenService } from './events-token.service.js';
import { BATCH_ID } from './batch-id.pipe.js';
import { BatchUploadHandler } from './upload/batch-upload.handler.js';

const ID = BATCH_ID;

@ApiTags('batches')
@ApiBearerAuth()
@Controller('v1')
export class BatchesController {
  constructor(
    private readonly uploads: BatchUploadHandler,
    private readonly batches: BatchesService,
    private readonly stream: BatchEventStream,
    private readonly eventsTokens: EventsTokenService,
    private readonly cls: ClsService,
  ) {}

  @RequiresScope('receipts:write')
  @Post('receipts/batch')
  @HttpCode(202)
  @ApiTags('receipts')
  @ApiOperation({
    summary: 'Upload several receipts in one request; answered 202 with one entry per file',
    description:
      'Every `file` part is streamed and checked like a single upload, one after another; a refused file ' +
      'becomes an entry with its `error` (for example FILE_TOO_LARGE or UNSUPPORTED_MEDIA_TYPE) and the ' +
      'others go on. Bytes uploaded before become an entry with `duplicateOf`. More than BATCH_MAX_FILES ' +
      '`file` parts refuse the whole batch (413 BATCH_TOO_MANY_FILES) and nothing is kept; so does a ' +
      'connection that drops before the body is complete. Once the body is read, every accepted receipt ' +
      'is processed, even when the client is gone before the answer.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadBatchDto })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'As on POST /v1/receipts: the same key and files within 24 h answer with the first response ' +
      '(same batch, header `Idempotent-Replayed: true`) and create nothing; other files are 422 IDEMPOTENCY_KEY_REUSED.',
  })
  @ApiAcceptedResponse({
    type: BatchAcceptedDto,
    description: 'The batch was taken; `Location` points at it',
  })
  @ApiPayloadTooLargeResponse({ description: 'BATCH_TOO_MANY_FILES; nothing was kept' })
  @ApiUnsupportedMediaTypeResponse({ description: 'UNSUPPORTED_MEDIA_TYPE: not multipart' })
  @ApiUnprocessableEntityResponse({
    description:
      'BATCH_EMPTY (no `file` part), VALIDATION_FAILED (note, tags, unknown fields), IDEMPOTENCY_KEY_INVALID, IDEMPOTENCY_KEY_REUSED',
  })
  @ApiConflictResponse({ description: 'IDEMPOTENCY_REQUEST_IN_PROGRESS' })
  @ApiServiceUnavailableResponse({
    description: 'DEPENDENCY_UNAVAILABLE, with Retry-After; receipts of this batch are undone',
  })
  async upload(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BatchAcceptedDto> {
    const { body, replayed } = await this.uploads.handle(user.id, req, res, this.cls.getId());
    res.location(body.links.self);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return body;
  }

  @RequiresScope('receipts:read')
  @Get('batches/:id')
  @ApiOperation({ summary: 'A batch: counts per status and the current state of each entry' })
  @ApiOkResponse({ type: BatchResponseDto })
  @ApiNotFoundResponse({ description: 'BATCH_NOT_FOUND (also for other users’ batches)' })
  get(@CurrentUser() user: AuthUser, @Param('id', ID) id: string): Promise<BatchResponseDto> {
    return this.batches.get(id, user.id);
  }

  @Post('batches/:id/events-token')
  @ApiOperation({
    summary: 'A short-lived token that opens this batch’s event stream from a browser EventSource',
  })
  @ApiCreatedResponse({ type: EventsTokenDto })
  @ApiNotFoundResponse({ description: 'BATCH_NOT_FOUND' })
  async eventsToken(
    @CurrentUser() user: AuthUser,
    @Param('id', ID) id: string,
  ): Promise<EventsTokenDto> {
    await this.batches.findOwned(id, user.id);
    const token = await this.eventsTokens.issue(user, id, 'batch');
    return {
      token,
      expiresIn: EVENTS_TOKEN_TTL_SECONDS,
      url: `/v1/batches/${id}/events?token=${encodeURIComponent(token)}`,
    };
  }

  @Public()
  @UseGuards(BatchEventsAuthGuard)
  @RequiresScope('receipts:read')
  @Sse('batches/:id/events')
  @ApiOperation({
    summary: 'Live progress of every receipt of a batch (Server-Sent Events)',
    description:
      'Events: `state` (the batch, as GET /v1/batches/{id}, sent first), then the events of each unfinished ' +
      'receipt as its own stream has them (`queued`, `stage`, `progress`, `completed`, `needs_review`, ' +
      '`failed`, each with `receiptId`), and `batch.completed` with the final state once no receipt is ' +
      'queued or processing, after which the stream closes; `heartbeat` every SSE_HEARTBEAT_MS. A ' +
      'reconnecting client gets a fresh `state` (no Last-Event-ID replay). Authenticate with a bearer ' +
      'token, or `?token=` from POST …/events-token.',
  })
  @ApiQuery({ name: 'token', required: false, description: 'Batch-scoped events token' })
  @ApiProduces('text/event-stream')
  @ApiNotFoundResponse({ description: 'BATCH_NOT_FOUND' })
  events(@CurrentUser() user: AuthUser, @Param('id', ID) id: string): Observable<MessageEvent> {
    // Ownership was checked by BatchEventsAuthGuard: nothing here may await before the stream opens.
    return this.stream.open(id, user.id);
  }
}
