/**
 * Memory of one PP-OCR child process reading receipts one after another, as a worker's does,
 * and what it read:
 *
 *   npm run bench:ppocr-memory -- <dataset-dir> [--limit N] [--tallest] [--strip H] [--out f]
 *
 * The first N receipts of img/ (or the N tallest: they need the most detector memory) are read
 * by one child; after each page it prints the child's resident memory and its high-water
 * mark (VmHWM). `--strip H` detects in strips H detector pixels high (0: the whole page at
 * once); the saved segments of two runs show whether a setting changed the reading.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import sharp from 'sharp';

import { prepareImage } from '../src/ocr/image-preparer.js';
import { PpOcrChild } from '../src/ocr/ppocr/ppocr-child.js';
import type { PpOcrSegment } from '../src/ocr/ppocr/ppocr-pipeline.js';
import { memoryOf } from './lib/process-tree.js';
import { boxFileText, characterErrorRate, percentile } from './scoring.js';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      limit: { type: 'string', default: '12' },
      tallest: { type: 'boolean', default: false },
      strip: { type: 'string', default: '0' },
      out: { type: 'string' },
    },
  });
  const dataset = positionals[0];
  if (!dataset) {
    process.stderr.write('Usage: ppocr-memory <dataset-dir> [--limit N] [--strip H] [--out f]\n');
    process.exitCode = 2;
    return;
  }
  const folder = join(dataset, 'img');
  const sized = await Promise.all(
    (await readdir(folder))
      .filter((name) => /\.(jpe?g|png)$/i.test(name))
      .map(async (name) => {
        const { width = 1, height = 1 } = await sharp(join(folder, name)).metadata();
        return { name, ratio: height / width };
      }),
  );
  const files = sized
    .sort((a, b) => (values.tallest ? b.ratio - a.ratio : 0) || a.name.localeCompare(b.name))
    .slice(0, Number(values.limit))
    .map((entry) => entry.name);
  const options = {
    detWidth: 480,
    detMaxPixels: 1_228_800,
    maxBoxes: 400,
    detStripHeight: Number(values.strip),
  };
  const pages: Array<{
    file: string;
    rssMb: number;
    peakMb: number;
    cer: number | null;
    segments: PpOcrSegment[];
  }> = [];
  const child = await PpOcrChild.start(options);
  const idleMb = Math.round(memoryOf(child.pid!).rssMb);
  try {
    for (const file of files) {
      const image = await prepareImage(await readFile(join(folder, file)), {
        maxImagePixels: 40_000_000,
        pixels: true,
      });
      const segments = await child.read({
        data: image.pixels!,
        width: image.width,
        height: image.height,
      });
      const memory = memoryOf(child.pid!);
      const [rssMb, peakMb] = [Math.round(memory.rssMb), Math.round(memory.peakMb)];
      // Segments in reading order, one a line: close enough to compare settings' error rates.
      const truth = await readFile(join(dataset, 'box', file.replace(/\.[^.]+$/, '.txt')), 'utf8')
        .then(boxFileText)
        .catch(() => null);
      const cer =
        truth === null
          ? null
          : characterErrorRate(segments.map((segment) => segment.text).join('\n'), truth);
      pages.push({ file, rssMb, peakMb, cer, segments });
      process.stdout.write(
        `${file} ${image.width}×${image.height}: after ${rssMb} MB, peak so far ${peakMb} MB, ${segments.length} boxes\n`,
      );
    }
  } finally {
    await child.terminate();
  }
  const after = pages.map((page) => page.rssMb);
  process.stdout.write(
    `\nstrip ${options.detStripHeight || 'off'}, ${pages.length} pages: child idle ${idleMb} MB, ` +
      `after a page median ${percentile(after, 0.5)} MB, last ${after[after.length - 1]} MB, ` +
      `peak ${Math.max(...pages.map((page) => page.peakMb))} MB; ` +
      `mean CER ${(100 * mean(pages.flatMap((page) => page.cer ?? []))).toFixed(2)}%\n`,
  );
  if (values.out) await writeFile(values.out, `${JSON.stringify(pages, null, 1)}\n`);
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

await main();
