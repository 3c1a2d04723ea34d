import { buildLine, verticalOverlap } from '../ocr-lines.js';
import type { OcrLine, OcrWord } from '../ocr.types.js';
import { restoreSpaces } from './restore-spaces.js';

/** Two boxes are on one row when they overlap by this share of the shorter one's height. */
const SAME_ROW = 0.5;

export interface FusedReading {
  /** The primary reading's lines, their words re-spaced from the secondary reading. */
  lines: OcrLine[];
  /** Per fused line: whether any of its spacing came from the secondary reading. */
  respaced: boolean[];
  /** Per secondary line: the fused line on the same row (best overlap), or null. */
  rowOf: Array<number | null>;
}

/**
 * PP-OCR's lines with tesseract's word spacing: lines are paired by box overlap, then each
 * PP-OCR text box takes the spacing of the tesseract words inside it (see restoreSpaces).
 */
export function fuseSpacing(primary: OcrLine[], secondary: OcrLine[]): FusedReading {
  const respaced: boolean[] = [];
  const lines = primary.map((line) => {
    const partners = secondary.filter(
      (other) => other.page === line.page && verticalOverlap(other.bbox, line.bbox) >= SAME_ROW,
    );
    const reference = partners.flatMap((other) => other.words ?? [asWord(other)]);
    let changed = false;
    const words = (line.words ?? [asWord(line)]).map((word) => {
      const inside = reference
        .filter((candidate) => {
          const centre = (candidate.bbox.x0 + candidate.bbox.x1) / 2;
          return (
            centre >= word.bbox.x0 &&
            centre <= word.bbox.x1 &&
            verticalOverlap(candidate.bbox, word.bbox) >= SAME_ROW
          );
        })
        .sort((a, b) => a.bbox.x0 - b.bbox.x0);
      if (inside.length === 0) return word;
      const text = restoreSpaces(word.text, inside.map((candidate) => candidate.text).join(' '));
      if (text === word.text) return word;
      changed = true;
      return { ...word, text };
    });
    respaced.push(changed);
    return changed
      ? { ...buildLine(words, line.page, line.confidence), engine: line.engine }
      : line;
  });
  const rowOf = secondary.map((other) => {
    let best: number | null = null;
    let bestOverlap = SAME_ROW;
    lines.forEach((line, index) => {
      if (line.page !== other.page) return;
      const overlap = verticalOverlap(line.bbox, other.bbox);
      if (overlap >= bestOverlap) {
        best = index;
        bestOverlap = overlap;
      }
    });
    return best;
  });
  return { lines, respaced, rowOf };
}

function asWord(line: OcrLine): OcrWord {
  return { text: line.text, confidence: line.confidence, bbox: line.bbox };
}
