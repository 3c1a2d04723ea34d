import { Module } from '@nestjs/common';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeysModule } from './api-keys.module.js';
import { ApiKeysController } from './http/api-keys.controller.js';

/** The API keys API; imported by the HTTP root only. */
@Module({
  imports: [ApiKeysModule],
  controllers: [ApiKeysController],
  providers: [ApiKeysService],
})
export class ApiKeysHttpModule {}
