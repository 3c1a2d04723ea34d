import { alignCharacters } from './align-characters.js';

/**
 * Below this share of matching characters the two readings are of different text (a box
 * aligned to the wrong words), and no spacing is taken over.
 */
const MIN_AGREEMENT = 0.6;

/**
 * PP-OCR's text with the word spaces of another reading of the same words: PP-OCR's
 * Chinese + English recogniser reads characters better than tesseract but drops most spaces
 * between English words ("JALANSAGU18"), which tesseract keeps ("JALAN SAGU 18"). The two are
 * aligned character by character (edit distance, spaces ignored), and a space goes before each
 * of the target's characters whose counterpart follows a space in the reference.
 */
export function restoreSpaces(target: string, reference: string): string {
  const ref = [...reference.trim()];
  const refChars: string[] = [];
  const spaceBefore: boolean[] = [];
  for (let i = 0; i < ref.length; i++) {
    if (ref[i] === ' ') continue;
    spaceBefore.push(refChars.length > 0 && ref[i - 1] === ' ');
    refChars.push(ref[i].toUpperCase());
  }
  const chars = [...target];
  const positions = chars.flatMap((char, index) => (char === ' ' ? [] : [index]));
  const tgtChars = positions.map((index) => chars[index].toUpperCase());
  const pairs = alignCharacters(tgtChars, refChars).flatMap((step) =>
    step.kind === 'pair' ? [[step.i, step.j] as const] : [],
  );
  const matches = pairs.filter(([t, r]) => tgtChars[t] === refChars[r]).length;
  if (matches < MIN_AGREEMENT * Math.max(tgtChars.length, refChars.length)) return target;

  const insertBefore = new Set<number>();
  for (const [t, r] of pairs) {
    if (spaceBefore[r] && t > 0) insertBefore.add(positions[t]);
  }
  let out = '';
  chars.forEach((char, index) => {
    if (insertBefore.has(index) && out !== '' && !out.endsWith(' ')) out += ' ';
    out += char;
  });
  return out;
}
