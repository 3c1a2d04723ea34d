import { ApiKeyEntity } from '../api-keys/api-key.entity.js';
import { AuthSessionEntity } from '../auth/auth-session.entity.js';
import { RefreshTokenEntity } from '../auth/refresh-token.entity.js';
import { BatchEntity } from '../receipts/batches/batch.entity.js';
import { ReceiptEntity } from '../receipts/receipt.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { WebhookDeliveryEntity } from '../webhooks/webhook-delivery.entity.js';
import { WebhookEntity } from '../webhooks/webhook.entity.js';

/** Every TypeORM entity of the application. Add new entities here. */
export const ENTITIES = [
  UserEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  ReceiptEntity,
  BatchEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
  ApiKeyEntity,
];
