import type Tesseract from 'tesseract.js';

import type { BBox, OcrLine, OcrWord } from './ocr.types.js';

/**
 * A horizontal gap wider than this many average character widths separates columns (an item
 * and its price); the line text shows it as two spaces so the parser can tell columns apart.
 */
const COLUMN_GAP_CHARS = 2.5;

/** Maps prepared-image pixels back to the page: `(p × scale + offset) × outerScale`. */
export interface PageTransform {
  scale: number;
  offset: { x: number; y: number };
  /** Rendered pixels → PDF points for rendered PDF pages; 1 for images. */
  outerScale: number;
}

/** Tesseract's lines (PSM 6 already keeps a row together), in the original page's coordinates. */
export function linesFromTesseract(
  page: Tesseract.Page,
  pageNumber: number,
  transform: PageTransform,
): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = trimEdgeNoise(
          line.words
            .filter((word) => word.text.trim() !== '')
            .map((word) => ({
              text: word.text.trim(),
              confidence: word.confidence / 100,
              bbox: toPage(word.bbox, transform),
            })),
        );
        if (words.length > 0) lines.push(buildLine(words, pageNumber, line.confidence / 100));
      }
    }
  }
  return lines;
}

/**
 * Groups loose words (PDF text runs) into reading-order lines: words whose vertical extents
 * overlap by more than half the smaller height share a row, and each row reads left to right.
 */
export function linesFromWords(words: OcrWord[], pageNumber: number): OcrLine[] {
  const sorted = [...words].sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
  const rows: OcrWord[][] = [];
  for (const word of sorted) {
    const row = rows.find((candidate) => verticalOverlap(candidate[0].bbox, word.bbox) > 0.5);
    if (row) row.push(word);
    else rows.push([word]);
  }
  return rows
    .map((row) => {
      const ordered = row.sort((a, b) => a.bbox.x0 - b.bbox.x0);
      const confidence = Math.min(...ordered.map((word) => word.confidence));
      return buildLine(ordered, pageNumber, confidence);
    })
    .sort((a, b) => a.bbox.y0 - b.bbox.y0);
}

export function buildLine(words: OcrWord[], pageNumber: number, confidence: number): OcrLine {
  const characters = words.reduce((sum, word) => sum + word.text.length, 0);
  const inked = words.reduce((sum, word) => sum + (word.bbox.x1 - word.bbox.x0), 0);
  const charWidth = characters > 0 ? inked / characters : 0;
  let text = '';
  words.forEach((word, index) => {
    if (index > 0) {
      const gap = word.bbox.x0 - words[index - 1].bbox.x1;
      text += charWidth > 0 && gap > COLUMN_GAP_CHARS * charWidth ? '  ' : ' ';
    }
    text += word.text;
  });
  return {
    text,
    confidence: clamp01(confidence),
    bbox: {
      x0: Math.min(...words.map((word) => word.bbox.x0)),
      y0: Math.min(...words.map((word) => word.bbox.y0)),
      x1: Math.max(...words.map((word) => word.bbox.x1)),
      y1: Math.max(...words.map((word) => word.bbox.y1)),
    },
    page: pageNumber,
    words,
  };
}

/** Below this confidence a short word at a line's edge is taken for a speck or the paper's edge. */
const EDGE_NOISE_CONFIDENCE = 0.5;

/**
 * Drops the short, low-confidence "words" tesseract makes of specks, torn edges and table
 * rules at either end of a line ("i Bd  LOT R1 …"). Anything that looks like an amount stays.
 */
function trimEdgeNoise(words: OcrWord[]): OcrWord[] {
  const isNoise = (word: OcrWord) =>
    word.confidence < EDGE_NOISE_CONFIDENCE &&
    !/\d[.,]\d/.test(word.text) &&
    (word.text.length <= 3 || !/[\p{L}\p{N}]{2}/u.test(word.text));
  let start = 0;
  let end = words.length;
  while (start < end && isNoise(words[start])) start += 1;
  while (end > start && isNoise(words[end - 1])) end -= 1;
  return words.slice(start, end);
}

/** Vertical overlap of two boxes as a share of the shorter one's height. */
export function verticalOverlap(a: BBox, b: BBox): number {
  const overlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  const smaller = Math.min(a.y1 - a.y0, b.y1 - b.y0);
  return smaller > 0 ? overlap / smaller : 0;
}

/** A box in prepared-image pixels → the same box on the page. */
export function toPage(box: BBox, { scale, offset, outerScale }: PageTransform): BBox {
  const x = (value: number) => Math.round((value * scale + offset.x) * outerScale * 100) / 100;
  const y = (value: number) => Math.round((value * scale + offset.y) * outerScale * 100) / 100;
  return { x0: x(box.x0), y0: y(box.y0), x1: x(box.x1), y1: y(box.y1) };
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
}
