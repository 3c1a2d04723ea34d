/**
 * Runs the real PP-OCR engine (ONNX Runtime in child processes) on real receipts: through the
 * extractor, under a deadline, and with the network namespace emptied.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { loadSroieReceipt } from '../../../test/utils/load-sroie-receipt.js';
import { ErrorCode } from '../../common/errors/index.js';
import { prepareImage } from '../image-preparer.js';
import { formatMinor, parseAmount } from '../parsing/money.js';
import { ReceiptExtractor } from '../receipt-extractor.js';
import { CHILD_MALLOC_ENV, PpOcrChild } from './ppocr-child.js';
import { PPOCR_MODELS } from './ppocr-models.js';
import { PpOcrPool } from './ppocr-pool.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const fixtures = join(repo, 'test', 'fixtures');
const sroie = (id: string) => join(fixtures, 'sroie', `${id}.jpg`);
/** The detection settings the worker uses (receipt-extractor.ts). */
const DETECTION = { detWidth: 480, detMaxPixels: 1_228_800, maxBoxes: 400 };
/** A SROIE receipt prepared as the worker prepares it, as grey pixels for a PP-OCR process. */
async function sroiePixels(id: string) {
  const prepared = await prepareImage(sroie(id), { maxImagePixels: 40_000_000, pixels: true });
  return { data: prepared.pixels!, width: prepared.width, height: prepared.height };
}
let extractor: ReceiptExtractor;
beforeAll(() => {
  extractor = new ReceiptExtractor({
    engines: ['ppocr'],
    poolSize: 2,
    recycleAfterJobs: 50,
    jobTimeoutMs: 60_000,
    maxImagePixels: 40_000_000,
    maxPdfPages: 10,
  });
});
afterAll(async () => {
  await extractor.close();
});

describe('PP-OCR engine on real receipts', { timeout: 90_000 }, () => {
  it('reads total and date of SROIE receipts, every line marked as its reading', async () => {
    const ids = ['X51008142033', 'X51006008197'];
    const results = await Promise.all(
      ids.map((id) => extractor.extract({ path: sroie(id), mimeType: 'image/jpeg' })),
    );
    const labels = await Promise.all(ids.map((id) => loadSroieReceipt(id)));
    expect(results.map((result) => [result.record.total.value, result.record.date.value])).toEqual(
      labels.map((label) => [formatMinor(parseAmount(label.total)!), label.date]),
    );
    for (const result of results) {
      expect(result.engine).toBe('ppocr');
      expect(result.lines.every((line) => line.engine === 'ppocr')).toBe(true);
      expect(result.readings.ppocr).toEqual(result.lines);
    }
    // Full-width punctuation from the Chinese recogniser comes out as ASCII.
    expect(results[0].text).not.toMatch(/[\uFF01-\uFF5E]/);
    expect(results[0].text).toMatch(/GST Reg/);
    // Boxes are on the original page: the scan is 936 × 1949, the TOTAL row in its lower half.
    const total = results[0].lines[results[0].record.total.source?.line as number];
    expect(total.text).toMatch(/42\.40/);
    expect(total.bbox.x1).toBeLessThanOrEqual(936);
    expect(total.bbox.y0).toBeGreaterThan(1949 / 2);
    expect(total.bbox.y1).toBeLessThan(1949);
  });

  it('reads with the network namespace emptied, models from node_modules', async () => {
    for (const path of Object.values(PPOCR_MODELS)) {
      expect(relative(repo, path)).toMatch(/^node_modules\/@gutenye\/ocr-models\/assets\//);
      expect(existsSync(path)).toBe(true);
    }
    // A fresh HOME: ONNX Runtime writes its telemetry cache there; nothing may come from it.
    const home = mkdtempSync(join(tmpdir(), 'ppocr-offline-'));
    try {
      const { stdout } = await promisify(execFile)(
        'unshare',
        [
          '--net',
          process.execPath,
          '--import',
          './test/utils/register-ts-hooks.ts',
          'test/utils/read-with-ppocr.ts',
          sroie('X51008142033'),
        ],
        { cwd: repo, env: { ...process.env, HOME: home }, timeout: 60_000 },
      );
      const result = JSON.parse(stdout) as { network: boolean; lines: string[] };
      expect(result.network).toBe(false);
      expect(result.lines.join('\n')).toMatch(/TOTAL.*42\.40/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('Both engines combined on real receipts', { timeout: 120_000 }, () => {
  it('reads every field from both readings and records which engine gave it', async () => {
    const both = new ReceiptExtractor({
      engines: ['tesseract', 'ppocr'],
      poolSize: 1,
      recycleAfterJobs: 50,
      jobTimeoutMs: 60_000,
      maxImagePixels: 40_000_000,
      maxPdfPages: 10,
    });
    try {
      const ids = ['X51008142033', 'X51008030560'];
      const results = await Promise.all(
        ids.map((id) => both.extract({ path: sroie(id), mimeType: 'image/jpeg' })),
      );
      const labels = await Promise.all(ids.map((id) => loadSroieReceipt(id)));
      expect(
        results.map((result) => [
          result.record.merchantName.value,
          result.record.total.value,
          result.record.date.value,
        ]),
      ).toEqual(
        labels.map((label) => [label.company, formatMinor(parseAmount(label.total)!), label.date]),
      );
      for (const result of results) {
        expect(result.engine).toBe('ppocr+tesseract');
        expect(result.readings.tesseract?.length).toBeGreaterThan(5);
        expect(result.readings.ppocr?.length).toBeGreaterThan(5);
        // Merchant names come from PP-OCR's characters with tesseract's spacing.
        expect(result.record.merchantName.source?.engines).toContain('ppocr');
        const total = result.record.total.source!;
        expect(total.engines?.length).toBeGreaterThan(0);
        expect(result.lines[total.line].text).toContain(result.record.total.value);
      }
    } finally {
      await both.close();
    }
  });
});

describe('PP-OCR detection in strips', { timeout: 90_000 }, () => {
  it('stitches strips of a long page into one reading, every box where it was printed', async () => {
    const image = await sroiePixels('X51008142033');
    // ~1000 detector rows: strips of 256 (128 answered for each) make eight seams to get wrong.
    const pool = new PpOcrPool({
      size: 1,
      recycleAfterJobs: 10,
      jobTimeoutMs: 60_000,
      ...DETECTION,
      detStripHeight: 256,
    });
    try {
      const segments = await pool.recognize(image);
      const text = segments.map((segment) => segment.text).join('\n');
      expect(text).toMatch(/GST Reg/);
      expect(text).toMatch(/42\.40/);
      // Reading order runs down the page across the seams, and the total sits in its lower half.
      const tops = segments.map((segment) => Math.min(...segment.points.map(([, y]) => y)));
      expect(tops.every((top, index) => index === 0 || top >= tops[index - 1] - 10)).toBe(true);
      const total = segments.find((segment) => /42\.40/.test(segment.text))!;
      expect(Math.min(...total.points.map(([, y]) => y))).toBeGreaterThan(image.height / 2);
    } finally {
      await pool.close();
    }
  });
});

describe('PP-OCR process memory settings', { timeout: 90_000 }, () => {
  it('starts each process with its malloc settings and heap cap, and it reads with them', async () => {
    const child = await PpOcrChild.start(DETECTION);
    try {
      // glibc reads these when the process starts: they must be in the child's own environment.
      const environ = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
      for (const [name, value] of Object.entries(CHILD_MALLOC_ENV)) {
        expect(environ).toContain(`${name}=${value}`);
      }
      const argv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
      expect(argv).toEqual(expect.arrayContaining(['--expose-gc']));
      expect(argv.some((arg) => arg.startsWith('--max-old-space-size='))).toBe(true);
      const segments = await child.read(await sroiePixels('X51008142033'));
      expect(segments.map((segment) => segment.text).join('\n')).toMatch(/42\.40/);
    } finally {
      await child.terminate();
    }
  });
});

describe('PpOcrPool deadlines', { timeout: 90_000 }, () => {
  const options = DETECTION;
  const readImage = () => sroiePixels('X51008142033');

  it('kills a page that overruns and frees its place for the next one', async () => {
    const pool = new PpOcrPool({ size: 1, recycleAfterJobs: 10, jobTimeoutMs: 50, ...options });
    const image = await readImage();
    try {
      // With one process, the second page would wait forever if the stuck one kept its place.
      for (let attempt = 0; attempt < 2; attempt++) {
        const error: unknown = await pool.recognize(image).catch((reason: unknown) => reason);
        expect(error).toMatchObject({ code: ErrorCode.TIMEOUT });
      }
    } finally {
      await pool.close();
    }
  });

  it('kills the process of a page stopped mid-run; the next page reads in a fresh one', async () => {
    const started: PpOcrChild[] = [];
    const start = PpOcrChild.start.bind(PpOcrChild);
    const spawn = vi.spyOn(PpOcrChild, 'start').mockImplementation(async (pipeline) => {
      const child = await start(pipeline);
      started.push(child);
      return child;
    });
    const pool = new PpOcrPool({ size: 1, recycleAfterJobs: 10, jobTimeoutMs: 60_000, ...options });
    const image = await readImage();
    try {
      // Stopped once detection is done and recognition runs (ONNX Runtime inside session.run):
      // the moment that, with worker threads, aborted the whole process.
      const controller = new AbortController();
      const stopped: unknown = await pool
        .recognize(image, {
          signal: controller.signal,
          onProgress: (fraction) => {
            if (fraction > 0.3) controller.abort();
          },
        })
        .catch((reason: unknown) => reason);
      expect(stopped).toMatchObject({ code: ErrorCode.TIMEOUT });

      const segments = await pool.recognize(image);
      expect(segments.map((segment) => segment.text).join('\n')).toMatch(/42\.40/);
      expect(started).toHaveLength(2);
      const [killed, fresh] = started.map((child) => child.pid);
      expect(fresh).not.toBe(killed);
      expect(() => process.kill(killed!, 0)).toThrow(/ESRCH/);
    } finally {
      spawn.mockRestore();
      await pool.close();
    }
  });
});
