import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { buildTextPdf } from '../../test/utils/build-text-pdf.js';
import { readPdfPages, renderScale } from './pdf-reader.js';

function writePdf(pdf: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pdf-reader-')), 'page.pdf');
  writeFileSync(path, pdf);
  return path;
}

describe('readPdfPages', () => {
  it('renders a page of any declared size within the pixel limit', async () => {
    // A blank (scan-like) strip 100 × 14,400 pt: 1600 px across would be 368 megapixels.
    const path = writePdf(buildTextPdf([[]], [100, 14_400]));
    const maxPixels = 2_000_000;
    const pages = [];
    for await (const page of readPdfPages(path, 1, maxPixels)) pages.push(page);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    if (page.kind !== 'scan') throw new Error('expected a rendered page');
    const { width = 0, height = 0 } = await sharp(page.png).metadata();
    expect(width * height).toBeLessThanOrEqual(maxPixels);
    expect(width * height).toBeGreaterThan(maxPixels * 0.9);
    // `scale` maps rendered pixels back to page points.
    expect(height * page.scale).toBeCloseTo(14_400, -2);
  });

  it('keeps the usual render width for an ordinary page', () => {
    expect(renderScale(320, 842, 40_000_000)).toBe(1600 / 320);
  });

  it('refuses a page without a size', () => {
    expect(() => renderScale(0, 842, 40_000_000)).toThrow(/no size/);
  });
});
