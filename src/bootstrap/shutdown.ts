import type { INestApplicationContext, LoggerService } from '@nestjs/common';

/**
 * SIGTERM/SIGINT: close the app (HTTP server stops accepting and drains; queues, database and
 * Redis close in reverse order of opening through Nest's lifecycle hooks), bounded by a grace
 * period after which the process exits anyway. A worker's unfinished job is then released by
 * its lock expiring and retried elsewhere, so nothing is lost.
 */
export function closeOnSignals(
  app: INestApplicationContext,
  graceMs: number,
  logger: LoggerService,
): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received, shutting down (grace ${graceMs} ms)`, 'Shutdown');
    const force = setTimeout(() => {
      logger.warn(`grace period over, exiting with work in flight`, 'Shutdown');
      process.exit(1);
    }, graceMs);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`, undefined, 'Shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
