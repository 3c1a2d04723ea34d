import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule } from '../../core.module.js';
import { ReceiptReextraction } from '../jobs/receipt-reextraction.service.js';
import { ReceiptsModule } from '../receipts.module.js';
import { ReceiptsRepository } from '../receipts.repository.js';

/** What the admin command needs: the database, Redis (cache, events) and the re-extraction. */
@Module({
  imports: [CoreModule, ReceiptsModule],
  providers: [ReceiptReextraction],
})
class ReextractCommandModule {}

export interface ReextractSummary {
  total: number;
  done: number;
  failed: number;
}

const BAR_WIDTH = 30;

/** `[#########---------]  1200/4000  30%  850/s` on one rewritten line (a TTY) or one per batch. */
function progress(out: NodeJS.WriteStream, done: number, total: number, started: number): void {
  const share = total ? done / total : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
  const line =
    `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(done).padStart(String(total).length)}/${total}` +
    `  ${Math.round(share * 100)}%  ${rate.toFixed(0)}/s`;
  out.write(out.isTTY ? `\r${line}` : `${line}\n`);
}

/**
 * `receipt-vault reextract --all`: runs the parser again over the kept OCR lines of every
 * finished receipt (not the trash), in batches, with a progress bar on stderr. User corrections
 * survive (the same ReceiptReextraction as the API's re-extract job). Connection settings come
 * from the environment / .env, validated like the servers'.
 */
export async function reextractAll(batchSize: number): Promise<ReextractSummary> {
  const app = await NestFactory.createApplicationContext(ReextractCommandModule, {
    logger: ['error', 'warn'],
  });
  try {
    const receipts = app.get(ReceiptsRepository);
    const reextraction = app.get(ReceiptReextraction);
    const total = await receipts.countReextractable();
    const summary: ReextractSummary = { total, done: 0, failed: 0 };
    const started = Date.now();
    let after: string | undefined;
    for (;;) {
      const ids = await receipts.findReextractableAfter(after, batchSize);
      if (ids.length === 0) break;
      for (const id of ids) {
        try {
          await reextraction.reextract(id, null, null);
        } catch (error) {
          summary.failed += 1;
          process.stderr.write(`\n${id}: ${(error as Error).message}\n`);
        }
        summary.done += 1;
      }
      after = ids.at(-1);
      progress(process.stderr, summary.done, total, started);
    }
    process.stderr.write('\n');
    return summary;
  } finally {
    await app.close();
  }
}
