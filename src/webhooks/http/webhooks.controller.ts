import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequiresScope } from '../../auth/requires-scope.decorator.js';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import { CreateWebhookDto } from '../dto/create-webhook.dto.js';
import { CreatedWebhookResponseDto } from '../dto/created-webhook.response.dto.js';
import { WebhookDeliveryResponseDto } from '../dto/webhook-delivery.response.dto.js';
import { WebhookResponseDto } from '../dto/webhook.response.dto.js';
import { WebhooksService } from '../webhooks.service.js';

const ID = new ParseUUIDPipe({
  exceptionFactory: () => new AppError(ErrorCode.WEBHOOK_NOT_FOUND, 'Webhook not found'),
});

@ApiTags('webhooks')
@ApiBearerAuth()
@RequiresScope('webhooks')
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({
    summary: 'Subscribe a URL to receipt events; the signing secret is in this answer only',
    description:
      'Events: receipt.completed, receipt.needs_review, receipt.failed, receipt.corrected. Each delivery is a signed POST (Standard Webhooks headers `webhook-id`, `webhook-timestamp`, `webhook-signature`).',
  })
  @ApiCreatedResponse({ type: CreatedWebhookResponseDto })
  @ApiUnprocessableEntityResponse({
    description:
      'WEBHOOK_URL_INVALID (not http(s), too long, credentials, http in production), WEBHOOK_URL_REFUSED (private, loopback, link-local or metadata address), VALIDATION_FAILED',
  })
  @ApiConflictResponse({ description: 'WEBHOOK_LIMIT_REACHED' })
  create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateWebhookDto,
  ): Promise<CreatedWebhookResponseDto> {
    return this.webhooks.create(user.id, body);
  }

  @Get()
  @ApiOperation({ summary: 'Your webhooks' })
  @ApiOkResponse({ type: [WebhookResponseDto] })
  list(@CurrentUser() user: AuthUser): Promise<WebhookResponseDto[]> {
    return this.webhooks.list(user.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook' })
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  get(@CurrentUser() user: AuthUser, @Param('id', ID) id: string): Promise<WebhookResponseDto> {
    return this.webhooks.get(id, user.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribe; pending deliveries are dropped' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  delete(@CurrentUser() user: AuthUser, @Param('id', ID) id: string): Promise<void> {
    return this.webhooks.delete(id, user.id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log, newest first (the latest 50)' })
  @ApiOkResponse({ type: [WebhookDeliveryResponseDto] })
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND' })
  deliveries(
    @CurrentUser() user: AuthUser,
    @Param('id', ID) id: string,
  ): Promise<WebhookDeliveryResponseDto[]> {
    return this.webhooks.listDeliveries(id, user.id);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send an earlier event again (same event id and body)' })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponseDto })
  @ApiNotFoundResponse({ description: 'WEBHOOK_NOT_FOUND, WEBHOOK_DELIVERY_NOT_FOUND' })
  redeliver(
    @CurrentUser() user: AuthUser,
    @Param('id', ID) id: string,
    @Param(
      'deliveryId',
      new ParseUUIDPipe({
        exceptionFactory: () =>
          new AppError(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, 'Delivery not found'),
      }),
    )
    deliveryId: string,
  ): Promise<WebhookDeliveryResponseDto> {
    return this.webhooks.redeliver(id, deliveryId, user.id);
  }
}
