import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActiveApiKeys } from './active-api-keys.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { ApiKeysRepository } from './api-keys.repository.js';

/** API key rows and their cached validity; used by the auth guards and the keys API. */
@Module({
  imports: [TypeOrmModule.forFeature([ApiKeyEntity])],
  providers: [ApiKeysRepository, ActiveApiKeys],
  exports: [ApiKeysRepository, ActiveApiKeys],
})
export class ApiKeysModule {}
