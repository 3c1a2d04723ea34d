import { CreateAccounts1763820000000 } from '../../migrations/1763820000000-CreateAccounts.js';
import { CreateReceipts1763830000000 } from '../../migrations/1763830000000-CreateReceipts.js';
import { ReceiptWorkflow1764490000000 } from '../../migrations/1764490000000-ReceiptWorkflow.js';
import { CreateWebhooks1796030000000 } from '../../migrations/1796030000000-CreateWebhooks.js';
import { AddUserRole1796040000000 } from '../../migrations/1796040000000-AddUserRole.js';
import { CreateBatches1796052000000 } from '../../migrations/1796052000000-CreateBatches.js';
import { CreateApiKeys1796060000000 } from '../../migrations/1796060000000-CreateApiKeys.js';
import { AddSessionUserAgent1796070000000 } from '../../migrations/1796070000000-AddSessionUserAgent.js';

/** Every migration, in order. Migrations are append-only: add new ones at the end. */
export const MIGRATIONS = [
  CreateAccounts1763820000000,
  CreateReceipts1763830000000,
  ReceiptWorkflow1764490000000,
  CreateWebhooks1796030000000,
  AddUserRole1796040000000,
  CreateBatches1796052000000,
  CreateApiKeys1796060000000,
  AddSessionUserAgent1796070000000,
];
