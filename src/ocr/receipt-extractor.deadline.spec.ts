import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { buildTextPdf } from '../../test/utils/build-text-pdf.js';
import { ErrorCode } from '../common/errors/index.js';
import { ReceiptExtractor } from './receipt-extractor.js';

const options = {
  poolSize: 1,
  recycleAfterJobs: 10,
  jobTimeoutMs: 60_000,
  maxImagePixels: 40_000_000,
  maxPdfPages: 5,
};

function writePdf(pages: string[][]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'extractor-')), 'receipt.pdf');
  writeFileSync(path, buildTextPdf(pages));
  return path;
}

let extractor: ReceiptExtractor | undefined;
afterEach(async () => {
  await extractor?.close();
  extractor = undefined;
});

describe('ReceiptExtractor under the job deadline (issue 8, defect 5)', () => {
  it('extracts a text-layer PDF with a 40,000-digit line in moments', async () => {
    extractor = new ReceiptExtractor(options);
    const path = writePdf([
      ['CORNER SHOP', `${'1'.repeat(40_000)})x`, 'TOTAL 12.50', 'Date: 14/03/2024'],
    ]);
    const started = performance.now();
    const result = await extractor.extract({ path, mimeType: 'application/pdf' });
    // The super-linear parser took ~30 s (140 s on a loaded machine) on this line alone.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.record.total.value).toBe('12.50');
    expect(result.record.date.value).toBe('2024-03-14');
  });

  it('fails with TIMEOUT when the whole extraction overruns the deadline', async () => {
    // Opening any PDF takes pdf.js longer than a millisecond; before the deadline covered
    // the whole extraction, a text-layer PDF had no deadline at all.
    extractor = new ReceiptExtractor({ ...options, jobTimeoutMs: 1 });
    const path = writePdf([['CORNER SHOP', 'TOTAL 12.50']]);
    await expect(extractor.extract({ path, mimeType: 'application/pdf' })).rejects.toMatchObject({
      code: ErrorCode.TIMEOUT,
    });
  });
});
