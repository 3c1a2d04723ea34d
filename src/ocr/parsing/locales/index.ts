import { DE_CH } from './de-ch.js';
import { DE_DE } from './de.js';
import { EN_AU } from './en-au.js';
import { EN_CA } from './en-ca.js';
import { EN_GB } from './en-gb.js';
import { EN_MY } from './en-my.js';
import { EN_NZ } from './en-nz.js';
import { EN_SG } from './en-sg.js';
import { EN_US } from './en-us.js';
import { ENGLISH } from './en.js';
import { ES_ES } from './es.js';
import { FR_FR } from './fr.js';
import { ID_ID } from './id.js';
import { IT_IT } from './it.js';
import type { LabelFamily, Locale } from './locale.js';
import { NL_NL } from './nl.js';

export type { LabelFamily, Locale } from './locale.js';

/** Every locale the parser knows. A new country: a new file, listed here, with fixture tests. */
export const LOCALES: readonly Locale[] = [
  ENGLISH,
  EN_MY,
  EN_SG,
  EN_GB,
  EN_US,
  EN_AU,
  EN_CA,
  EN_NZ,
  DE_DE,
  DE_CH,
  FR_FR,
  ES_ES,
  IT_IT,
  NL_NL,
  ID_ID,
];

/** The label sources of one family over every locale, each once, in locale order. */
export function labelSources(family: LabelFamily): string[] {
  return [...new Set(LOCALES.flatMap((locale) => locale.labels[family] ?? []))];
}

/** Every month name of every locale (names shared by languages agree on the month). */
export const MONTHS: Readonly<Record<string, number>> = Object.assign(
  {},
  ...LOCALES.map((locale) => locale.months),
) as Record<string, number>;
