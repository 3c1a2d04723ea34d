import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SroieReceipt {
  image: Buffer;
  /** The labelled total, as printed (e.g. "6.50"). */
  total: string;
  /** The labelled date as ISO 8601 (the labels print it day first: 18-06-2018, 30/03/18). */
  date: string;
  company: string;
}

const REPO = join(import.meta.dirname, '../..');
// Copies committed with the tests come first; the shared dataset is the fallback on a dev box.
const FOLDERS = [join(REPO, 'test/fixtures/sroie'), join(REPO, '../shared/datasets/sroie-train')];

/**
 * A real receipt from the ICDAR 2019 SROIE train split (CC BY 4.0, Huang et al.,
 * arXiv:2103.10213) with its key labels.
 */
export async function loadSroieReceipt(id: string): Promise<SroieReceipt> {
  const candidates = FOLDERS.flatMap((dir) => [
    { image: join(dir, `${id}.jpg`), key: join(dir, `${id}.json`) },
    { image: join(dir, 'img', `${id}.jpg`), key: join(dir, 'key', `${id}.json`) },
  ]);
  const found = candidates.find((c) => existsSync(c.image) && existsSync(c.key));
  if (!found) throw new Error(`SROIE receipt ${id} not found in ${FOLDERS.join(' or ')}`);
  const key = JSON.parse(await readFile(found.key, 'utf8')) as {
    company: string;
    date: string;
    total: string;
  };
  const match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(key.date.trim());
  if (!match) throw new Error(`SROIE receipt ${id}: unexpected date label ${key.date}`);
  const [, day, month, year] = match;
  const fullYear = year.length === 2 ? `20${year}` : year;
  return {
    image: await readFile(found.image),
    total: key.total.replace(/[^\d.]/g, ''),
    date: `${fullYear}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`,
    company: key.company,
  };
}
