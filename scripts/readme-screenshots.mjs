// `npm run docs:screenshots`: fresh README screenshots. The browser tests already drive the real
// app (API, worker, PostgreSQL, Redis, real OCR) through Debian's chromium with playwright-core and
// save a full-page PNG of each screen in test-results/screenshots/; this runs them and copies the
// README's few into docs/screenshots/, scaled down and palette-compressed so the repository stays
// small.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { ROOT } from './lib/node-runtime.mjs';

/** The screens the README shows: [screenshot taken by the test, width in the README]. */
const SCREENS = [
  ['receipts', 900],
  ['receipt', 900],
  ['receipt-pdf', 900],
  ['account', 900],
  ['receipts-phone', 360],
];
/** A README image need not be taller than a screen or two. */
const MAX_HEIGHT = 1400;

const SOURCE = join(ROOT, 'test-results/screenshots');
const TARGET = join(ROOT, 'docs/screenshots');

const run = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'browser'],
  { cwd: ROOT, stdio: 'inherit' },
);
if (run.status !== 0) process.exit(run.status ?? 1);

mkdirSync(TARGET, { recursive: true });
for (const [name, width] of SCREENS) {
  const from = join(SOURCE, `${name}.png`);
  const to = join(TARGET, `${name}.png`);
  const scaled = await sharp(from)
    .resize({ width, withoutEnlargement: true })
    .toBuffer({ resolveWithObject: true });
  const height = Math.min(scaled.info.height, MAX_HEIGHT);
  await sharp(scaled.data)
    .extract({ left: 0, top: 0, width: scaled.info.width, height })
    .png({ palette: true, quality: 80, compressionLevel: 9, effort: 10 })
    .toFile(to);
  console.log(`${to.slice(ROOT.length + 1)}: ${(statSync(to).size / 1024).toFixed(0)} KB`);
}
