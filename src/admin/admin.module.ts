import { Module } from '@nestjs/common';
import { QueuesModule } from '../queues/queues.module.js';
import { UsersModule } from '../users/users.module.js';
import { AdminAccess } from './admin-access.service.js';
import { AdminGuard } from './admin.guard.js';
import { AdminQueuesController } from './admin-queues.controller.js';
import { AdminQueuesService } from './admin-queues.service.js';
import { AdminBoard } from './board/admin-board.js';
import { AdminSessionController } from './board/admin-session.controller.js';

/** Operator routes (queues, jobs) and bull-board; admins only. Imported by the HTTP root. */
@Module({
  imports: [QueuesModule, UsersModule],
  controllers: [AdminQueuesController, AdminSessionController],
  providers: [AdminAccess, AdminGuard, AdminQueuesService, AdminBoard],
})
export class AdminModule {}
