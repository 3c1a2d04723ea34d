import { type AlignmentStep, alignCharacters } from './align-characters.js';

/**
 * Below this share of matching characters the two readings are of different text (the rows
 * were paired wrongly, or one engine read only part of them): nothing is taken over.
 */
const MIN_AGREEMENT = 0.6;

/** Punctuation as receipts print it in names and addresses. */
const PUNCTUATION = /^[,.;:'"&/()\-#!]$/u;

/**
 * What tesseract's reading may add: the separators PP-OCR drops. Its other marks are as often
 * specks read as a colon or quote as they are print.
 */
const ADDED_PUNCTUATION = /^[,.&]$/u;

/**
 * What PP-OCR alone read and tesseract did not may be dropped: marks a speck can look like.
 * Brackets, dashes and slashes are not invented by specks.
 */
const DROPPED_PUNCTUATION = /^[,.;:'"!]$/u;

/**
 * Characters one engine misreads as the other: a letter for a digit of the same shape. Which
 * is right follows from the rest of the word ("GR0UND" is a word, "28II" a number). S/5, B/8,
 * G/6 are left out: street codes mix them legitimately ("SS23", "U13/BG").
 */
const LOOKALIKES: ReadonlyArray<readonly [string, string]> = [
  ['O', '0'],
  ['I', '1'],
  ['L', '1'],
];

/**
 * Pairing a punctuation mark with a letter or digit costs more than leaving both unpaired:
 * "BERJUNTAI:" against "BERJUNTAY" is I read as Y plus an extra colon, not a colon read as Y.
 */
const PUNCTUATION_FOR_CHARACTER = 2.5;

function substitutionCost(x: string, y: string): number {
  return PUNCTUATION.test(x) !== PUNCTUATION.test(y) ? PUNCTUATION_FOR_CHARACTER : 1;
}

export interface MergedText {
  text: string;
  /** Whether anything was taken from the reference. */
  changed: boolean;
}

/**
 * A text field (merchant, address) read by PP-OCR, corrected by tesseract's reading of the same
 * rows. PP-OCR reads letters and digits better, but its Chinese + English recogniser drops and
 * invents punctuation and spaces, and reads a letter O as a zero inside words; tesseract is
 * faithful to punctuation and spacing. The two are aligned character by character, and where
 * both read the text around a difference alike (so the difference is local, not a region one
 * engine missed):
 * - punctuation and word spaces are tesseract's (added, replaced or dropped);
 * - a look-alike letter/digit is the reference's when only the reference's fits its word;
 * - every other letter and digit is PP-OCR's.
 */
export function mergeText(target: string, reference: string): MergedText {
  const a = [...target];
  const b = [...reference.trim()];
  // Spaces are compared separately: PP-OCR's spacing is the problem, not evidence.
  const aAt = a.flatMap((char, index) => (char === ' ' ? [] : [index]));
  const bAt = b.flatMap((char, index) => (char === ' ' ? [] : [index]));
  const aChars = aAt.map((index) => a[index].toUpperCase());
  const bChars = bAt.map((index) => b[index].toUpperCase());
  const steps = alignCharacters(aChars, bChars, substitutionCost);
  const same = steps.filter(
    (step) => step.kind === 'pair' && aChars[step.i] === bChars[step.j],
  ).length;
  // The reference may hold more than the field (a phone number or registration number the
  // parser cut off), so agreement is judged on the target's characters.
  if (same < MIN_AGREEMENT * aChars.length) {
    return { text: target, changed: false };
  }

  // Punctuation is added or dropped only where both engines read the characters on either side
  // (or only punctuation lies between it and the end): not in a region one engine missed.
  const agrees = (position: number) => {
    const step = steps[position];
    return step?.kind === 'pair' && aChars[step.i] === bChars[step.j];
  };
  const charOf = (step: AlignmentStep) =>
    step.kind === 'onlyA' ? aChars[step.i] : step.kind === 'onlyB' ? bChars[step.j] : '';
  const local = (position: number) =>
    [-1, 1].every((direction) => {
      let at = position + direction;
      while (at >= 0 && at < steps.length && steps[at].kind !== 'pair') {
        if (!PUNCTUATION.test(charOf(steps[at]))) return false;
        at += direction;
      }
      return true;
    });
  // Where the target has a mark already ("SELANGOR." + ".", "STORE (" + "."), or inside one of
  // its words ("Lot" + "." → "L.ot"), what tesseract adds is a speck, not a separator.
  const targetIndex = (from: number, direction: number) => {
    for (let at = from + direction; at >= 0 && at < steps.length; at += direction) {
      const step = steps[at];
      if (step.kind !== 'onlyB') return aAt[step.i];
    }
    return null;
  };
  const insertable = (position: number) => {
    const before = targetIndex(position, -1);
    const after = targetIndex(position, 1);
    const isPunctuation = (index: number | null) => index !== null && PUNCTUATION.test(a[index]);
    if (isPunctuation(before) || isPunctuation(after)) return false;
    const isLetter = (index: number | null) => index !== null && /\p{L}/u.test(a[index]);
    return !(isLetter(before) && isLetter(after) && after === before! + 1);
  };
  const spaceBeforeInB = (j: number) => j > 0 && b[bAt[j] - 1] === ' ';
  // Target characters both engines read alike: the evidence for what a word is made of.
  const agreed = new Set(
    steps.flatMap((step, position) =>
      agrees(position) && step.kind === 'pair' ? [aAt[step.i]] : [],
    ),
  );

  let out = '';
  let changed = false;
  const space = () => {
    if (out !== '' && !out.endsWith(' ')) out += ' ';
  };
  steps.forEach((step, position) => {
    if (step.kind === 'onlyB') {
      const char = b[bAt[step.j]];
      if (!ADDED_PUNCTUATION.test(char) || !local(position) || !insertable(position)) return;
      if (spaceBeforeInB(step.j)) space();
      out += char;
      changed = true;
      return;
    }
    const original = a[aAt[step.i]];
    const spaceInA = aAt[step.i] > 0 && a[aAt[step.i] - 1] === ' ';
    if (step.kind === 'onlyA' && DROPPED_PUNCTUATION.test(original) && local(position)) {
      changed = true;
      return;
    }
    let char = original;
    let spaced = spaceInA;
    if (step.kind === 'pair') {
      const other = b[bAt[step.j]];
      if (aChars[step.i] !== bChars[step.j]) {
        if (PUNCTUATION.test(original) && PUNCTUATION.test(other)) char = other;
        else if (lookalikes(aChars[step.i], bChars[step.j])) {
          const kind = wordKind(a, aAt[step.i], agreed);
          if (kind !== null && kind !== charKind(original) && kind === charKind(other)) {
            char = kind === 'letter' ? matchCase(other, a, aAt[step.i]) : other;
          }
        }
      }
      // tesseract's word spaces are added (before a word, not before a mark); PP-OCR's own
      // (rare, at box edges) are kept.
      spaced ||= spaceBeforeInB(step.j) && !PUNCTUATION.test(char);
    }
    if (spaced) space();
    if (char !== original || (spaced && !spaceInA && out !== '')) changed = true;
    out += char;
  });
  return { text: out.trim(), changed };
}

function lookalikes(x: string, y: string): boolean {
  return LOOKALIKES.some(([p, q]) => (x === p && y === q) || (x === q && y === p));
}

type Kind = 'letter' | 'digit';

/** Agreed characters a word needs before they say whether it is a word or a number. */
const MIN_WORD_EVIDENCE = 1;

function charKind(char: string): Kind | null {
  return /\p{L}/u.test(char) ? 'letter' : /\p{N}/u.test(char) ? 'digit' : null;
}

/**
 * What the word at `index` is made of, judged by its other characters that both engines read
 * alike: all letters (a word), all digits (a number), or null (mixed, as "3RD" or "SS23", or
 * no evidence).
 */
function wordKind(chars: string[], index: number, agreed: Set<number>): Kind | null {
  const inWord = (at: number) => at >= 0 && at < chars.length && /[\p{L}\p{N}]/u.test(chars[at]);
  let start = index;
  while (inWord(start - 1)) start -= 1;
  let end = index + 1;
  while (inWord(end)) end += 1;
  const kinds: Array<Kind | null> = [];
  for (let at = start; at < end; at++) {
    if (at !== index && agreed.has(at)) kinds.push(charKind(chars[at]));
  }
  // One other character is no evidence: "R1", "G1" are codes, not words.
  const kind = kinds[0] ?? null;
  return kinds.length >= MIN_WORD_EVIDENCE && kinds.every((other) => other === kind) ? kind : null;
}

/** The letter in the case of the nearest letter before it (or after, at a word's start). */
function matchCase(char: string, chars: string[], index: number): string {
  const near =
    chars
      .slice(0, index)
      .reverse()
      .find((c) => /\p{L}/u.test(c)) ?? chars.slice(index + 1).find((c) => /\p{L}/u.test(c));
  return near !== undefined && near === near.toLowerCase()
    ? char.toLowerCase()
    : char.toUpperCase();
}
