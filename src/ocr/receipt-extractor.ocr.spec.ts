/**
 * Runs the real engine: sharp, tesseract.js (2 workers) and pdf.js on real files. The SROIE
 * receipts are three the benchmark reads right; the benchmark covers the rest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError, ErrorCode } from '../common/errors/index.js';
import { findDates } from './parsing/dates.js';
import { formatMinor, parseAmount } from './parsing/money.js';
import type { ExtractionProgress } from './ocr.types.js';
import { ReceiptExtractor } from './receipt-extractor.js';
import { RecognizerPool } from './recognizer-pool.js';

const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures');
const options = {
  engines: ['tesseract' as const],
  poolSize: 2,
  recycleAfterJobs: 50,
  jobTimeoutMs: 60_000,
  maxImagePixels: 40_000_000,
  maxPdfPages: 10,
};

let extractor: ReceiptExtractor;
beforeAll(() => {
  extractor = new ReceiptExtractor(options);
});
afterAll(async () => {
  await extractor.close();
});

describe('ReceiptExtractor on real receipts', { timeout: 60_000 }, () => {
  it('reads total and date of SROIE receipts', async () => {
    const ids = ['X51008142033', 'X51005447848', 'X51008030560'];
    const results = await Promise.all(
      ids.map((id) =>
        extractor.extract({ path: join(fixtures, 'sroie', `${id}.jpg`), mimeType: 'image/jpeg' }),
      ),
    );
    results.forEach((result, index) => {
      const label = JSON.parse(
        readFileSync(join(fixtures, 'sroie', `${ids[index]}.json`), 'utf8'),
      ) as { date: string; total: string };
      expect({
        id: ids[index],
        total: result.record.total.value,
        date: result.record.date.value,
      }).toEqual({
        id: ids[index],
        total: formatMinor(parseAmount(label.total) as number),
        date: findDates(label.date, 'dmy')[0].iso,
      });
      expect(result.engine).toBe('tesseract');
      expect(result.pages).toBe(1);
    });
  });

  it('reads a phone-photo-like receipt and reports progress through every stage', async () => {
    const progress: ExtractionProgress[] = [];
    const result = await extractor.extract(
      { path: join(fixtures, 'receipts', 'uk-cafe.jpg'), mimeType: 'image/jpeg' },
      { onProgress: (event) => progress.push(event) },
    );
    expect(result.record).toMatchObject({
      merchantName: { value: 'THE COPPER KETTLE CAFE' },
      date: { value: '2024-03-05' },
      total: { value: '15.88' },
      currency: { value: 'GBP' },
    });
    expect(result.text).toContain('ALMOND CROISSANT');
    const totalLine = result.lines[result.record.total.source?.line as number];
    expect(totalLine.text).toMatch(/TOTAL/);
    expect(totalLine.words?.length).toBeGreaterThan(1);
    expect(totalLine.bbox.x1).toBeGreaterThan(totalLine.bbox.x0);
    expect(totalLine.confidence).toBeGreaterThan(0.5);

    expect([...new Set(progress.map((event) => event.stage))]).toEqual([
      'preparing',
      'reading',
      'extracting',
    ]);
    const values = progress.map((event) => event.progress);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.at(-1)).toBe(1);
    expect(result.timings.readingMs).toBeGreaterThan(0);
  });

  it('reads a PDF text layer without OCR', async () => {
    const result = await extractor.extract({
      path: join(fixtures, 'pdf', 'text-layer.pdf'),
      mimeType: 'application/pdf',
    });
    expect(result.engine).toBe('pdf-text');
    expect(result.record).toMatchObject({
      total: { value: '1013.76' },
      date: { value: '2024-03-07' },
    });
    expect(result.lines.find((line) => line.text.startsWith('TOTAL'))).toMatchObject({
      text: 'TOTAL  $1,013.76',
      confidence: 1,
      page: 1,
    });
  });

  it('OCRs an image-only PDF and joins a mixed two-page PDF', async () => {
    const [scanned, mixed] = await Promise.all([
      extractor.extract({
        path: join(fixtures, 'pdf', 'image-only.pdf'),
        mimeType: 'application/pdf',
      }),
      extractor.extract({
        path: join(fixtures, 'pdf', 'two-page-mixed.pdf'),
        mimeType: 'application/pdf',
      }),
    ]);
    expect(scanned.engine).toBe('tesseract');
    expect(scanned.record).toMatchObject({
      total: { value: '33.71' },
      date: { value: '2024-03-14' },
      tip: { value: '4.00' },
    });
    expect(mixed).toMatchObject({ engine: 'mixed', pages: 2 });
    expect(mixed.record).toMatchObject({
      total: { value: '1013.76' },
      subtotal: { value: '936.50' },
    });
    expect(new Set(mixed.lines.map((line) => line.page))).toEqual(new Set([1, 2]));
  });

  it.each([
    ['bad/truncated-body.jpg', 'image/jpeg'],
    ['bad/encrypted.pdf', 'application/pdf'],
    ['bad/broken.pdf', 'application/pdf'],
  ])('fails %s permanently as FILE_UNREADABLE', async (file, mimeType) => {
    const error: unknown = await extractor
      .extract({ path: join(fixtures, file), mimeType })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: ErrorCode.FILE_UNREADABLE, permanent: true });
  });
});

describe('RecognizerPool deadlines', { timeout: 30_000 }, () => {
  it('terminates a recognition that overruns and frees its place for the next job', async () => {
    const pool = new RecognizerPool({ size: 1, recycleAfterJobs: 10, jobTimeoutMs: 1 });
    const image = readFileSync(join(fixtures, 'receipts', 'us-diner.png'));
    try {
      // With one worker, the second call would wait forever if the stuck worker kept its place.
      for (let attempt = 0; attempt < 2; attempt++) {
        const error: unknown = await pool.recognize(image).catch((reason: unknown) => reason);
        expect(error).toMatchObject({ code: ErrorCode.TIMEOUT });
      }
    } finally {
      await pool.close();
    }
  });

  it('refuses work after close', async () => {
    const pool = new RecognizerPool({ size: 1, recycleAfterJobs: 10, jobTimeoutMs: 1000 });
    await pool.close();
    await expect(pool.recognize(Buffer.alloc(1))).rejects.toMatchObject({
      code: ErrorCode.OCR_FAILED,
    });
  });
});
