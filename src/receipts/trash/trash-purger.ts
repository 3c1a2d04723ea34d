import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '../../config/configuration.js';
import { TrashService } from './trash.service.js';

/**
 * The scheduled purge (worker only): every TRASH_PURGE_INTERVAL_MS, receipts trashed longer
 * than TRASH_RETENTION_DAYS are deleted with their files. Several workers may run it at once:
 * the delete skips rows another worker has locked, so no lock is needed.
 */
@Injectable()
export class TrashPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TrashPurger.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly trash: TrashService,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    const { trashPurgeIntervalMs } = this.config.getOrThrow('storage', { infer: true });
    this.timer = setInterval(() => {
      this.running ??= this.trash
        .purgeExpired()
        .then((purged) => purged && this.logger.log(`purged ${purged} receipts from the trash`))
        .catch((error: Error) => this.logger.warn(`trash purge skipped: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, trashPurgeIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
