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
  const pairs = align(tgtChars, refChars);
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

/** Pairs [target index, reference index] of aligned characters (matches and substitutions). */
function align(a: string[], b: string[]): Array<[number, number]> {
  const cols = b.length + 1;
  const cost = new Uint32Array((a.length + 1) * cols);
  for (let j = 0; j <= b.length; j++) cost[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cost[i * cols] = i;
    for (let j = 1; j <= b.length; j++) {
      cost[i * cols + j] = Math.min(
        cost[(i - 1) * cols + j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
        cost[(i - 1) * cols + j] + 1,
        cost[i * cols + j - 1] + 1,
      );
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    const here = cost[i * cols + j];
    if (here === cost[(i - 1) * cols + j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      pairs.push([i - 1, j - 1]);
      i -= 1;
      j -= 1;
    } else if (here === cost[(i - 1) * cols + j] + 1) i -= 1;
    else j -= 1;
  }
  return pairs.reverse();
}
