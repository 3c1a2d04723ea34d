import { AuthSessionEntity } from '../auth/auth-session.entity.js';
import { RefreshTokenEntity } from '../auth/refresh-token.entity.js';
import { ReceiptEntity } from '../receipts/receipt.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Every TypeORM entity of the application. Add new entities here. */
export const ENTITIES = [UserEntity, AuthSessionEntity, RefreshTokenEntity, ReceiptEntity];
