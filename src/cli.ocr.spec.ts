/**
 * The command-line extractor, run as a process from the sources, with each engine setting on a
 * real receipt: what `npm run cli -- extract <file> --engines …` prints.
 */
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadSroieReceipt } from '../test/utils/load-sroie-receipt.js';
import { spawnSourceProcess } from '../test/utils/spawn-source-process.js';
import { formatMinor, parseAmount } from './ocr/parsing/money.js';

const receipt = join(import.meta.dirname, '..', 'test', 'fixtures', 'sroie', 'X51008142033.jpg');

describe('receipt-vault extract', { timeout: 90_000 }, () => {
  it.each([
    ['tesseract', 'tesseract'],
    ['ppocr', 'ppocr'],
    ['ppocr,tesseract', 'ppocr+tesseract'],
  ])('--engines %s prints the record read by %s', async (engines, engine) => {
    const cli = spawnSourceProcess(
      'src/cli.ts',
      {},
      {
        args: ['extract', '--text', '--engines', engines, receipt],
      },
    );
    const { code } = await cli.exited;
    expect(code, cli.output()).toBe(0);
    const output = JSON.parse(cli.output().slice(cli.output().indexOf('{'))) as {
      engine: string;
      record: { total: { value: string }; date: { value: string } };
    };
    const label = await loadSroieReceipt('X51008142033');
    expect(output.engine).toBe(engine);
    expect(output.record.total.value).toBe(formatMinor(parseAmount(label.total)!));
    expect(output.record.date.value).toBe(label.date);
  });
});
