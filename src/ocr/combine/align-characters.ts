/** One step of an alignment of two character sequences. */
export type AlignmentStep =
  /** a[i] and b[j] read the same place (equal, or one misread as the other). */
  | { kind: 'pair'; i: number; j: number }
  /** a[i] has no counterpart in b. */
  | { kind: 'onlyA'; i: number }
  /** b[j] has no counterpart in a. */
  | { kind: 'onlyB'; j: number };

/** What pairing two different characters costs; a character left unpaired costs 1. */
export type SubstitutionCost = (x: string, y: string) => number;

const UNIT: SubstitutionCost = () => 1;

/**
 * A least-cost alignment (Levenshtein; unit costs unless `substitution` says otherwise) of two
 * readings of the same text, in order. Quadratic, so callers align one line or one field at a
 * time.
 */
export function alignCharacters(
  a: readonly string[],
  b: readonly string[],
  substitution: SubstitutionCost = UNIT,
): AlignmentStep[] {
  const sub = (x: string, y: string) => (x === y ? 0 : substitution(x, y));
  const cols = b.length + 1;
  const cost = new Float64Array((a.length + 1) * cols);
  for (let j = 0; j <= b.length; j++) cost[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cost[i * cols] = i;
    for (let j = 1; j <= b.length; j++) {
      cost[i * cols + j] = Math.min(
        cost[(i - 1) * cols + j - 1] + sub(a[i - 1], b[j - 1]),
        cost[(i - 1) * cols + j] + 1,
        cost[i * cols + j - 1] + 1,
      );
    }
  }
  const steps: AlignmentStep[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    const here = cost[i * cols + j];
    if (i > 0 && j > 0 && here === cost[(i - 1) * cols + j - 1] + sub(a[i - 1], b[j - 1])) {
      steps.push({ kind: 'pair', i: i - 1, j: j - 1 });
      i -= 1;
      j -= 1;
    } else if (i > 0 && here === cost[(i - 1) * cols + j] + 1) {
      steps.push({ kind: 'onlyA', i: i - 1 });
      i -= 1;
    } else {
      steps.push({ kind: 'onlyB', j: j - 1 });
      j -= 1;
    }
  }
  return steps.reverse();
}
