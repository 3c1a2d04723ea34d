/**
 * The real tesseract.js engine replaces a recogniser that read an unusually large page (its
 * WebAssembly memory would stay at that page's size) and keeps one that read ordinary pages.
 */
import { join } from 'node:path';

import sharp from 'sharp';
import Tesseract from 'tesseract.js';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { prepareImage } from './image-preparer.js';
import type { EnginePage } from './ocr-engine.js';
import { RETIRE_AFTER_PAGE_PIXELS, TesseractEngine } from './tesseract-engine.js';

const receipt = join(
  import.meta.dirname,
  '..',
  '..',
  'test',
  'fixtures',
  'receipts',
  'us-diner.png',
);

async function pageOf(input: string | Buffer): Promise<EnginePage> {
  const image = await prepareImage(input, { maxImagePixels: 40_000_000 });
  return { image, number: 1, outerScale: 1 };
}

/**
 * The receipt printed again and again down one long page, to more than
 * RETIRE_AFTER_PAGE_PIXELS once prepared (blank paper would be cropped away).
 */
async function longPage(): Promise<EnginePage> {
  const { data, info } = await sharp(receipt).png().toBuffer({ resolveWithObject: true });
  const copies = Math.ceil((RETIRE_AFTER_PAGE_PIXELS * 1.3) / (info.width * info.height));
  const stacked = await sharp({
    create: {
      width: info.width,
      height: info.height * copies,
      channels: 3,
      background: '#ffffff',
    },
  })
    .composite(
      Array.from({ length: copies }, (_, i) => ({ input: data, top: i * info.height, left: 0 })),
    )
    .png()
    .toBuffer();
  return pageOf(stacked);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('TesseractEngine recogniser recycling', { timeout: 60_000 }, () => {
  it('replaces the recogniser after a page above the pixel bound, not after ordinary ones', async () => {
    const created = vi.spyOn(Tesseract, 'createWorker');
    const engine = new TesseractEngine({ size: 1, recycleAfterJobs: 100, jobTimeoutMs: 60_000 });
    try {
      const small = await pageOf(receipt);
      expect(small.image.width * small.image.height).toBeLessThan(RETIRE_AFTER_PAGE_PIXELS);
      const long = await longPage();
      expect(long.image.width * long.image.height).toBeGreaterThan(RETIRE_AFTER_PAGE_PIXELS);

      const first = await engine.read(small);
      await engine.read(small);
      expect(created).toHaveBeenCalledTimes(1);
      const firstWorker = (await created.mock.results[0].value) as Tesseract.Worker;
      const terminated = vi.spyOn(firstWorker, 'terminate');

      const onLong = await engine.read(long);
      expect(onLong.length).toBeGreaterThan(first.length);
      expect(terminated).toHaveBeenCalledTimes(1);

      await engine.read(small);
      expect(created).toHaveBeenCalledTimes(2);
    } finally {
      await engine.close();
    }
  });
});
