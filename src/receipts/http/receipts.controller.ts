import {
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  Sse,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import type { MessageEvent } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiHeader,
  ApiNoContentResponse,
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
import { ListReceiptsQuery } from '../dto/list-receipts.query.js';
import {
  EventsTokenDto,
  ReceiptAcceptedDto,
  ReceiptResponseDto,
} from '../dto/receipt.response.dto.js';
import { UploadReceiptDto } from '../dto/upload-receipt.dto.js';
import { DeleteReceiptQuery } from '../dto/delete-receipt.query.js';
import { ReceiptSearchPageDto } from '../dto/receipt-search.response.dto.js';
import { ReceiptsService } from '../receipts.service.js';
import { ReceiptSearchService } from '../search/receipt-search.service.js';
import { etagOf } from '../corrections/etag.js';
import { EventsAuthGuard } from './events-auth.guard.js';
import { RECEIPT_ID } from './receipt-id.pipe.js';
import { EVENTS_TOKEN_TTL_SECONDS, EventsTokenService } from './events-token.service.js';
import { ReceiptEventStream } from './receipt-event-stream.js';
import { ReceiptUploadHandler } from './upload/receipt-upload.handler.js';

const ID = RECEIPT_ID;

@ApiTags('receipts')
@ApiBearerAuth()
@Controller('v1/receipts')
export class ReceiptsController {
  constructor(
    private readonly receipts: ReceiptsService,
    private readonly uploads: ReceiptUploadHandler,
    private readonly stream: ReceiptEventStream,
    private readonly eventsTokens: EventsTokenService,
    private readonly cls: ClsService,
    private readonly search: ReceiptSearchService,
  ) {}

  @RequiresScope('receipts:write')
  @Post()
  @ApiOperation({
    summary:
      'Upload a receipt (photo, scan or PDF); answered 202 at once, processed in the background',
    description:
      'The same user uploading byte-identical content again gets the existing receipt (200 with `duplicateOf`).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadReceiptDto })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Up to 255 printable ASCII characters (a UUID is ideal). The same key and file within 24 h answer with the first response (same id and status, header `Idempotent-Replayed: true`) and create nothing; the same key with another file is 422 IDEMPOTENCY_KEY_REUSED.',
  })
  @ApiAcceptedResponse({
    type: ReceiptAcceptedDto,
    description: 'Queued; `Location` points at the receipt',
  })
  @ApiOkResponse({ type: ReceiptAcceptedDto, description: 'Duplicate of an earlier upload' })
  @ApiPayloadTooLargeResponse({ description: 'FILE_TOO_LARGE' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'UNSUPPORTED_MEDIA_TYPE (decided from the bytes)',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'EMPTY_FILE, FILE_MISSING, IMAGE_TOO_LARGE, TOO_MANY_PAGES, PDF_ENCRYPTED, FILE_UNREADABLE, VALIDATION_FAILED, IDEMPOTENCY_KEY_INVALID, IDEMPOTENCY_KEY_REUSED',
  })
  @ApiConflictResponse({
    description:
      'IDEMPOTENCY_REQUEST_IN_PROGRESS: the first request with this key is still running',
  })
  @ApiServiceUnavailableResponse({
    description: 'DEPENDENCY_UNAVAILABLE, with Retry-After; nothing is kept',
  })
  async upload(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReceiptAcceptedDto> {
    const { body, duplicate, replayed } = await this.uploads.handle(
      user.id,
      req,
      res,
      this.cls.getId(),
    );
    res.status(duplicate ? 200 : 202).location(body.links.self);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return body;
  }

  @RequiresScope('receipts:read')
  @Get()
  @ApiOperation({
    summary: 'Search and list your receipts: full text, filters, sort, cursor pages',
    description:
      'Newest first by default, ranked by relevance with q. Every filter and sort is index-served. Page with ' +
      '`limit` and `nextCursor` (stable while receipts arrive); `page`/`pageSize` still work but are deprecated. ' +
      'Receipts in the trash are left out. Review queue: `?status=needs_review&sort=confidence`. `total` is ' +
      'exact up to 1,000 matches (`totalExact`); `includeTotal=true` counts them all.',
  })
  @ApiOkResponse({ type: ReceiptSearchPageDto })
  @ApiBadRequestResponse({ description: 'INVALID_CURSOR: altered, or from other filters or sort' })
  @ApiUnprocessableEntityResponse({
    description:
      'VALIDATION_FAILED: a bad filter or sort, q over 200 characters or without a letter or digit, from ' +
      'after to, minTotal above maxTotal, sort=relevance without q, cursor together with page, includeTotal ' +
      'not true or false',
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListReceiptsQuery,
  ): Promise<ReceiptSearchPageDto> {
    return this.search.list(user.id, query);
  }

  @RequiresScope('receipts:read')
  @Get(':id')
  @ApiOperation({
    summary: 'A receipt: status, stage, progress, timings, the error or the extracted record',
  })
  @ApiOkResponse({
    type: ReceiptResponseDto,
    headers: {
      ETag: { description: 'Send it as If-Match with PATCH', schema: { type: 'string' } },
    },
  })
  @ApiNotFoundResponse({ description: 'RECEIPT_NOT_FOUND (also for other users’ receipts)' })
  async get(
    @CurrentUser() user: AuthUser,
    @Param('id', ID) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    // The ReceiptResponseDto as JSON text, sent as it is (from the cache, mostly).
    const receipt = await this.receipts.get(id, user.id);
    res.setHeader('ETag', etagOf(receipt.id, receipt.version));
    res.type('json');
    return receipt.json;
  }

  @RequiresScope('receipts:write')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Move a receipt to the trash (or, with permanent=true, delete it and its file now)',
    description:
      'A trashed receipt is hidden from lists, search, stats and exports, can be restored from GET /v1/trash, ' +
      'and is purged TRASH_RETENTION_DAYS later. permanent=true also empties it from the trash.',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'RECEIPT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    description: 'VALIDATION_FAILED: permanent is not true or false',
  })
  delete(
    @CurrentUser() user: AuthUser,
    @Param('id', ID) id: string,
    @Query() query: DeleteReceiptQuery,
  ): Promise<void> {
    return this.receipts.delete(id, user.id, query.permanent);
  }

  @RequiresScope('receipts:read')
  @Get(':id/file')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: 'Download the original upload' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'image/tiff', 'application/pdf')
  @ApiOkResponse({ description: 'The original bytes, as an attachment' })
  @ApiNotFoundResponse({ description: 'RECEIPT_NOT_FOUND' })
  async file(@CurrentUser() user: AuthUser, @Param('id', ID) id: string): Promise<StreamableFile> {
    const file = await this.receipts.openFile(id, user.id);
    return new StreamableFile(file.stream, {
      type: file.mimeType,
      length: file.sizeBytes,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    });
  }

  @RequiresScope('receipts:write')
  @Post(':id/reprocess')
  @HttpCode(202)
  @ApiOperation({ summary: 'Process a finished receipt again (e.g. after a failure)' })
  @ApiAcceptedResponse({ type: ReceiptAcceptedDto })
  @ApiConflictResponse({ description: 'RECEIPT_BUSY: still queued or processing' })
  @ApiNotFoundResponse({ description: 'RECEIPT_NOT_FOUND' })
  reprocess(
    @CurrentUser() user: AuthUser,
    @Param('id', ID) id: string,
  ): Promise<ReceiptAcceptedDto> {
    return this.receipts.reprocess(id, user.id, this.cls.getId());
  }

  @Post(':id/events-token')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'A short-lived token that opens this receipt’s event stream from a browser EventSource',
  })
  @ApiOkResponse({ type: EventsTokenDto })
  @ApiNotFoundResponse({ description: 'RECEIPT_NOT_FOUND' })
  async eventsToken(
    @CurrentUser() user: AuthUser,
    @Param('id', ID) id: string,
  ): Promise<EventsTokenDto> {
    await this.receipts.findOwned(id, user.id);
    const token = await this.eventsTokens.issue(user, id);
    return {
      token,
      expiresIn: EVENTS_TOKEN_TTL_SECONDS,
      url: `/v1/receipts/${id}/events?token=${encodeURIComponent(token)}`,
    };
  }

  @Public()
  @UseGuards(EventsAuthGuard)
  @RequiresScope('receipts:read')
  @Sse(':id/events')
  @ApiOperation({
    summary: 'Live progress (Server-Sent Events)',
    description:
      'Events: `state` (current state, sent first), `queued`, `stage`, `progress`, then one of `completed`, ' +
      '`needs_review`, `failed`, after which the stream closes; `heartbeat` every SSE_HEARTBEAT_MS (15 s). Send `Last-Event-ID` to ' +
      'resume. Authenticate with a bearer token, or `?token=` from POST …/events-token.',
  })
  @ApiQuery({ name: 'token', required: false, description: 'Receipt-scoped events token' })
  @ApiHeader({ name: 'Last-Event-ID', required: false })
  @ApiProduces('text/event-stream')
  @ApiNotFoundResponse({ description: 'RECEIPT_NOT_FOUND' })
  events(
    @CurrentUser() user: AuthUser,
    @Param('id', ID) id: string,
    @Headers('last-event-id') lastEventId?: string,
  ): Observable<MessageEvent> {
    // Ownership was checked by EventsAuthGuard: nothing here may await before the stream opens.
    const resumeFrom = lastEventId && /^\d+-\d+$/.test(lastEventId) ? lastEventId : undefined;
    return this.stream.open(id, user.id, resumeFrom);
  }
}
