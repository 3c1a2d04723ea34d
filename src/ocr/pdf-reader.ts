import { readFile } from 'node:fs/promises';

import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

import { AppError, ErrorCode } from '../common/errors/index.js';
import { linesFromWords } from './ocr-lines.js';
import type { OcrLine, OcrWord } from './ocr.types.js';

/** A page with fewer visible characters than this in its text layer is treated as a scan. */
const MIN_TEXT_LAYER_CHARS = 10;

/** Scanned pages are rendered at this width (px) before preparation: ~200 dpi for an 80 mm receipt, ample for A4. */
const RENDER_WIDTH = 1600;

/** When the caller sets no limit: the worker's default MAX_IMAGE_PIXELS. */
const DEFAULT_MAX_RENDER_PIXELS = 40_000_000;

export type PdfPageContent = { page: number; pageCount: number } & (
  { kind: 'text'; lines: OcrLine[] } | { kind: 'scan'; png: Buffer; scale: number }
);

/**
 * Opens a PDF and yields each page either as text-layer lines (no OCR needed) or as a rendered
 * PNG for OCR, in page order. Page points are the coordinate system for text lines; `scale`
 * converts rendered pixels back to points.
 *
 * @throws AppError FILE_UNREADABLE (permanent) for an unreadable, encrypted or over-long PDF.
 */
export async function* readPdfPages(
  path: string,
  maxPages: number,
  maxPixels: number = DEFAULT_MAX_RENDER_PIXELS,
): AsyncGenerator<PdfPageContent> {
  // Loaded with the first PDF, not with the worker: pdf.js and the canvas add ~37 MB to a
  // worker's memory (bench/RESULTS.md, "A worker with both engines"), and most uploads are images.
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(await readFile(path)),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let document: PDFDocumentProxy;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    const encrypted = error instanceof Error && error.name === 'PasswordException';
    throw new AppError(
      ErrorCode.FILE_UNREADABLE,
      encrypted ? 'The PDF is password-protected.' : 'The PDF could not be read.',
      { permanent: true, cause: error },
    );
  }
  try {
    if (document.numPages > maxPages) {
      throw new AppError(
        ErrorCode.FILE_UNREADABLE,
        `The PDF has ${document.numPages} pages; the limit is ${maxPages}.`,
        {
          permanent: true,
        },
      );
    }
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      try {
        const lines = await textLayerLines(page, number);
        const visible = lines.reduce((sum, line) => sum + line.text.replace(/\s/g, '').length, 0);
        const position = { page: number, pageCount: document.numPages };
        yield visible >= MIN_TEXT_LAYER_CHARS
          ? { kind: 'text', ...position, lines }
          : { kind: 'scan', ...position, ...(await renderPage(page, maxPixels)) };
      } finally {
        page.cleanup();
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(ErrorCode.FILE_UNREADABLE, 'A page of the PDF could not be read.', {
      permanent: true,
      cause: error,
    });
  } finally {
    await task.destroy();
  }
}

async function textLayerLines(page: PDFPageProxy, pageNumber: number): Promise<OcrLine[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const words: OcrWord[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    // transform = [a, b, c, d, e, f]: (e, f) is the baseline origin in PDF space (y up).
    const transform = item.transform as number[];
    const [x, y] = viewport.convertToViewportPoint(transform[4], transform[5]) as [number, number];
    const height = item.height || Math.hypot(transform[2], transform[3]);
    words.push({
      text: item.str.trim(),
      confidence: 1,
      bbox: { x0: x, y0: y - height, x1: x + item.width, y1: y },
    });
  }
  return linesFromWords(words, pageNumber);
}

/**
 * The render scale: RENDER_WIDTH across, but never more than `maxPixels` in all. Decided from
 * the page's size before anything is drawn — a page may declare any size (a 10 × 14,400 pt
 * strip at 1600 px across is 3.7 gigapixels), and the canvas is allocated whole at once.
 */
export function renderScale(width: number, height: number, maxPixels: number): number {
  if (!(width > 0) || !(height > 0)) {
    throw new AppError(ErrorCode.FILE_UNREADABLE, 'A page of the PDF has no size.', {
      permanent: true,
    });
  }
  return Math.min(RENDER_WIDTH / width, Math.sqrt(maxPixels / (width * height)));
}

async function renderPage(
  page: PDFPageProxy,
  maxPixels: number,
): Promise<{ png: Buffer; scale: number }> {
  const base = page.getViewport({ scale: 1 });
  const scale = renderScale(base.width, base.height, maxPixels);
  const viewport = page.getViewport({ scale });
  const { createCanvas } = await import('@napi-rs/canvas');
  // Sides rounded down, so the canvas stays within the limit (the last partial pixel is lost).
  const canvas = createCanvas(
    Math.max(1, Math.floor(viewport.width)),
    Math.max(1, Math.floor(viewport.height)),
  );
  // pdf.js types its target as the DOM's canvas (absent from Node's types); @napi-rs/canvas
  // implements the part it uses.
  await page.render({ canvas: canvas as never, viewport, background: '#ffffff' }).promise;
  return { png: await canvas.encode('png'), scale: 1 / scale };
}
