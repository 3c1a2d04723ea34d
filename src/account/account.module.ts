import { AuthModule } from '../auth/auth.module.js';
import { Module } from '@nestjs/common';
import { ReceiptsModule } from '../receipts/receipts.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccountDataController } from './account-data.controller.js';
import { AccountDataService } from './account-data.service.js';

/** The account's data as a whole: export and deletion (HTTP only). */
@Module({
  imports: [ReceiptsModule, UsersModule, AuthModule],
  controllers: [AccountDataController],
  providers: [AccountDataService],
})
export class AccountModule {}
