/**
 * How the accuracy benchmark compares a predicted field with a SROIE-style label. The labels
 * are text as printed ("25/12/2018", "RM 29.70"); predictions are normalised (ISO dates,
 * decimal strings), so each field is compared on its meaning, not its spelling.
 */
import { findDates } from '../src/ocr/parsing/dates.js';
import { parseAmount } from '../src/ocr/parsing/money.js';

/** Case, runs of whitespace and the spacing around punctuation are folded; the characters themselves must match. */
export function normaliseText(value: string | null | undefined): string {
  return (value ?? '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*([,.;:&()\-/'"#@+*])\s*/g, '$1')
    .trim();
}

/** A printed label date as ISO. SROIE labels are day-first as printed in Malaysia. */
export function labelDate(value: string | null | undefined): string | null {
  return value ? (findDates(value, 'dmy')[0]?.iso ?? null) : null;
}

/** A printed label amount ("RM 29.70", "$8.20", "1,007.50") in minor units. */
export function labelAmount(value: string | null | undefined): number | null {
  return value ? parseAmount(value) : null;
}

export function textMatches(
  predicted: string | null,
  expected: string | null | undefined,
): boolean {
  return (
    expected !== undefined &&
    expected !== null &&
    normaliseText(predicted) === normaliseText(expected)
  );
}

export function dateMatches(
  predicted: string | null,
  expected: string | null | undefined,
): boolean {
  const iso = labelDate(expected);
  return iso !== null && predicted === iso;
}

export function totalMatches(
  predicted: string | null,
  expected: string | null | undefined,
): boolean {
  const want = labelAmount(expected);
  return want !== null && predicted !== null && labelAmount(predicted) === want;
}

/** Levenshtein distance over code points, two rows of memory. */
export function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  let current = new Array<number>(right.length + 1);
  for (let i = 1; i <= left.length; i++) {
    current[0] = i;
    for (let j = 1; j <= right.length; j++) {
      const substitution = previous[j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[right.length];
}

/**
 * Reading-order text of an ICDAR-2015 box file (`x1,y1,…,x4,y4,transcript`, split on the
 * first eight commas): boxes whose vertical centres fall within half a box height share a row.
 */
export function boxFileText(content: string): string {
  const boxes = content
    .split(/\r?\n/)
    .map((line) => {
      const parts = line.split(',');
      if (parts.length < 9) return null;
      const coords = parts.slice(0, 8).map(Number);
      const ys = [coords[1], coords[3], coords[5], coords[7]];
      const top = Math.min(...ys);
      const bottom = Math.max(...ys);
      return {
        x: Math.min(coords[0], coords[6]),
        middle: (top + bottom) / 2,
        height: bottom - top,
        text: parts.slice(8).join(','),
      };
    })
    .filter((box): box is NonNullable<typeof box> => box !== null && box.text.trim() !== '')
    .sort((a, b) => a.middle - b.middle);
  const rows: Array<typeof boxes> = [];
  for (const box of boxes) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].middle - box.middle) < Math.max(4, row[0].height / 2)) row.push(box);
    else rows.push([box]);
  }
  return rows
    .map((row) =>
      row
        .sort((a, b) => a.x - b.x)
        .map((box) => box.text)
        .join(' '),
    )
    .join('\n');
}

/** Character error rate of OCR text against a reference, ignoring case and whitespace layout. */
export function characterErrorRate(hypothesis: string, reference: string): number {
  const fold = (text: string) => text.toUpperCase().replace(/\s+/g, ' ').trim();
  const ref = fold(reference);
  return ref.length === 0 ? 0 : editDistance(fold(hypothesis), ref) / ref.length;
}

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}
