import '../bootstrap/runtime-guard.js';
import { databaseUrlFromEnvironment } from '../config/database-url.js';
import { revertLastMigration, runMigrations } from './run-migrations.js';

// `npm run migration:run` / `npm run migration:revert`.
async function main(command: string | undefined): Promise<void> {
  const url = databaseUrlFromEnvironment();
  if (command === 'run') {
    const applied = await runMigrations(url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
  } else if (command === 'revert') {
    await revertLastMigration(url);
    console.log('Reverted the last migration.');
  } else {
    console.error('usage: migration-cli run|revert');
    process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
