/**
 * Extraction accuracy on a SROIE-style dataset folder:
 *
 *   npm run bench:accuracy -- <dataset-dir> [--engines tesseract|ppocr|ppocr,tesseract]
 *     [--set tune|measure] [--limit N per set] [--out report.json] [--concurrency N]
 *
 *   npm run bench:accuracy -- <dataset-dir> --from-report earlier.json [--out …]
 *
 * The second form re-parses (and, with two engines, re-combines) each engine's OCR lines saved
 * in an earlier report instead of running OCR again: parser changes are scored in seconds (its
 * timings, memory and error rate are the earlier run's).
 *
 * When the folder has a manifest.json whose receipts carry a `set` (`tune`, `measure`), every
 * figure is reported per set: tune rules on `tune`, and read `measure` beside it.
 *
 * <dataset-dir>/img/<id>.jpg, key/<id>.json ({company, date, address, total}), optionally
 * box/<id>.txt (line-level OCR truth, for the character error rate). Runs exactly the worker's
 * ReceiptExtractor. Prints per-field exact-match accuracy after normalisation, speed (seconds
 * per receipt, CPU seconds per receipt, peak RSS), OCR character error rate, and calibration
 * (accuracy per confidence decile); writes a per-receipt report.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { ocrEnginesSchema } from '../src/config/env.schema.js';
import { recordFromReadings } from '../src/ocr/combine/record-from-readings.js';
import type { Readings } from '../src/ocr/combine/readings.js';
import type { OcrEngineName } from '../src/ocr/ocr-engine.js';
import type { ReceiptRecord } from '../src/ocr/parsing/receipt-record.js';
import { ReceiptExtractor } from '../src/ocr/receipt-extractor.js';
import { treeCpuSeconds, treeRssBytes } from './lib/process-tree.js';
import {
  boxFileText,
  characterErrorRate,
  dateMatches,
  percentile,
  textMatches,
  totalMatches,
} from './scoring.js';

const FIELDS = ['company', 'date', 'address', 'total'] as const;
type FieldName = (typeof FIELDS)[number];

interface Label {
  company?: string;
  date?: string;
  address?: string;
  total?: string;
}

interface ReceiptReport {
  id: string;
  /** The manifest's set (`tune`, `measure`), or `all` without a manifest. */
  set: string;
  predicted: Record<FieldName, string | null>;
  expected: Label;
  match: Record<FieldName, boolean>;
  confidence: Record<FieldName, number>;
  /** Which engine(s) each field came from, when the record says. */
  engines?: Partial<Record<FieldName, string[]>>;
  cer: number | null;
  seconds: number;
  /**
   * CPU seconds and peak RSS of the process tree while this receipt was read: one receipt's own
   * cost only with --concurrency 1 (otherwise the receipts read beside it count too).
   */
  cpuSeconds?: number;
  peakRssMb?: number;
  /** The parser's input lines (text and confidence), for older tools that re-parse them. */
  lines: Array<{ text: string; confidence?: number }>;
  /** Each engine's OCR lines with boxes, so --from-report re-runs parsing and combination. */
  readings: Readings;
  error?: string;
}

/** Process-wide figures while one set was being read. */
interface SetUsage {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      out: { type: 'string' },
      concurrency: { type: 'string', default: '2' },
      engines: { type: 'string' },
      set: { type: 'string' },
      'from-report': { type: 'string' },
      'det-width': { type: 'string' },
    },
  });
  const dataset = positionals[0];
  const engines = ocrEnginesSchema.safeParse(values.engines ?? 'tesseract');
  if (!dataset || !existsSync(join(dataset, 'img')) || !engines.success) {
    process.stderr.write(
      'Usage: accuracy <dataset-dir> [--engines tesseract|ppocr|ppocr,tesseract] [--set tune|measure]\n' +
        '       [--limit N] [--out report.json] [--concurrency N] [--from-report earlier.json]\n',
    );
    process.exitCode = 2;
    return;
  }
  const concurrency = Math.max(1, Number(values.concurrency) || 2);
  const sets = await readSets(dataset);
  const files = (await readdir(join(dataset, 'img')))
    .filter((name) => /\.(jpe?g|png|webp|tiff?)$/i.test(name))
    .sort()
    .filter((name) => !values.set || sets.get(stem(name)) === values.set)
    // --limit N: the first N receipts of each set, so tune and measure stay side by side.
    .filter(
      (name, _, all) =>
        !values.limit ||
        all.filter((other) => sets.get(stem(other)) === sets.get(stem(name))).indexOf(name) <
          Number(values.limit),
    );
  const setNames = [...new Set(files.map((file) => sets.get(stem(file)) ?? 'all'))].sort(
    (a, b) => SET_ORDER.indexOf(a) - SET_ORDER.indexOf(b),
  );

  let reports: ReceiptReport[];
  let usage: Map<string, SetUsage>;
  let engineNames: OcrEngineName[] = engines.data;
  if (values['from-report']) {
    const earlier = JSON.parse(await readFile(values['from-report'], 'utf8')) as {
      engines?: OcrEngineName[];
      usage?: Record<string, SetUsage>;
      receipts: ReceiptReport[];
    };
    // --engines picks readings out of a report that has more (one run of both engines serves
    // all three settings); by default the report's own engines are used.
    const recorded = earlier.engines ?? ['tesseract'];
    engineNames = values.engines ? engines.data : recorded;
    if (engineNames.some((name) => !recorded.includes(name))) {
      process.stderr.write(`The report has readings of ${recorded.join(',')} only.\n`);
      process.exitCode = 2;
      return;
    }
    reports = earlier.receipts
      .filter((report) => files.some((file) => stem(file) === report.id))
      .map((report) => reparse({ ...report, set: sets.get(report.id) ?? 'all' }, engineNames));
    usage = new Map(Object.entries(earlier.usage ?? {}));
  } else {
    const extractor = new ReceiptExtractor({
      engines: engines.data,
      poolSize: concurrency,
      recycleAfterJobs: 100,
      jobTimeoutMs: 120_000,
      maxImagePixels: 40_000_000,
      maxPdfPages: 20,
      ppocr: values['det-width'] ? { detWidth: Number(values['det-width']) } : undefined,
    });
    reports = [];
    usage = new Map();
    try {
      for (const set of setNames) {
        const inSet = files.filter((file) => (sets.get(stem(file)) ?? 'all') === set);
        const measured = await measureUsage(() =>
          runAll(extractor, dataset, inSet, set, concurrency),
        );
        reports.push(...measured.result);
        usage.set(set, measured.usage);
      }
    } finally {
      await extractor.close();
    }
  }

  const summaries = Object.fromEntries(
    setNames.map((set) => [
      set,
      summarise(
        reports.filter((report) => report.set === set),
        usage.get(set) ?? null,
        concurrency,
      ),
    ]),
  );
  if (setNames.length > 1) {
    const parts = [...usage.values()];
    summaries.all = summarise(
      reports,
      parts.length === setNames.length
        ? {
            wallSeconds: parts.reduce((sum, part) => sum + part.wallSeconds, 0),
            cpuSeconds: parts.reduce((sum, part) => sum + part.cpuSeconds, 0),
            peakRssMb: Math.max(...parts.map((part) => part.peakRssMb)),
          }
        : null,
      concurrency,
    );
  }
  process.stdout.write(`Engines: ${engineNames.join(',')}\n\n`);
  for (const [set, figures] of Object.entries(summaries)) {
    process.stdout.write(`## ${set}\n\n${formatSummary(figures)}\n`);
  }
  if (values.out) {
    await writeFile(
      values.out,
      `${JSON.stringify(
        {
          dataset,
          engines: engineNames,
          summary: summaries,
          usage: Object.fromEntries(usage),
          receipts: reports,
        },
        null,
        1,
      )}\n`,
    );
    process.stdout.write(`Report written to ${values.out}\n`);
  }
}

const SET_ORDER = ['tune', 'measure', 'all'];

function stem(file: string): string {
  return file.replace(/\.[^.]+$/, '');
}

/** id → set from manifest.json (`receipts[id].set` or `[{ id, set }]`); empty without one. */
async function readSets(dataset: string): Promise<Map<string, string>> {
  const path = join(dataset, 'manifest.json');
  if (!existsSync(path)) return new Map();
  const manifest = JSON.parse(await readFile(path, 'utf8')) as {
    receipts?: Record<string, { set?: string }> | Array<{ id: string; set?: string }>;
  };
  const entries = Array.isArray(manifest.receipts)
    ? manifest.receipts.map((entry) => [entry.id, entry.set] as const)
    : Object.entries(manifest.receipts ?? {}).map(([id, entry]) => [id, entry.set] as const);
  return new Map(entries.filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * Wall time, CPU time and peak RSS while `work` runs, of the process with its PP-OCR child
 * processes (every thread of each).
 */
async function measureUsage<T>(work: () => Promise<T>): Promise<{ result: T; usage: SetUsage }> {
  let peak = treeRssBytes();
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRssBytes());
  }, 100);
  const cpu = treeCpuSeconds();
  const started = performance.now();
  try {
    const result = await work();
    return {
      result,
      usage: {
        wallSeconds: (performance.now() - started) / 1000,
        cpuSeconds: treeCpuSeconds() - cpu,
        peakRssMb: Math.round(Math.max(peak, treeRssBytes()) / 1048576),
      },
    };
  } finally {
    clearInterval(sampler);
  }
}

async function runAll(
  extractor: ReceiptExtractor,
  dataset: string,
  files: string[],
  set: string,
  concurrency: number,
): Promise<ReceiptReport[]> {
  const progress = new ProgressBar(files.length);
  const reports: ReceiptReport[] = new Array<ReceiptReport>(files.length);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < files.length) {
          const index = next++;
          reports[index] = await runOne(extractor, dataset, files[index], set);
          progress.tick();
        }
      }),
    );
  } finally {
    progress.done();
  }
  return reports;
}

type Unscored = Omit<ReceiptReport, 'predicted' | 'match' | 'confidence' | 'engines'>;

function score(report: Unscored, record: ReceiptRecord): ReceiptReport {
  const { expected } = report;
  const fields = {
    company: record.merchantName,
    date: record.date,
    address: record.address,
    total: record.total,
  };
  const predicted = {
    company: fields.company.value,
    date: fields.date.value,
    address: fields.address.value,
    total: fields.total.value,
  };
  return {
    ...report,
    predicted,
    match: {
      company: textMatches(predicted.company, expected.company),
      date: dateMatches(predicted.date, expected.date),
      address: textMatches(predicted.address, expected.address),
      total: totalMatches(predicted.total, expected.total),
    },
    confidence: {
      company: fields.company.confidence,
      date: fields.date.confidence,
      address: fields.address.confidence,
      total: fields.total.confidence,
    },
    engines: Object.fromEntries(
      FIELDS.flatMap((name) => {
        const source = fields[name].source as { engines?: string[] } | null;
        return source?.engines ? [[name, source.engines]] : [];
      }),
    ),
  };
}

/** Re-scores an earlier report's OCR readings with the current parser and combiner. */
function reparse(report: ReceiptReport, engines: OcrEngineName[]): ReceiptReport {
  if (report.error) return report;
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const readings: Readings = report.readings
    ? Object.fromEntries(engines.map((name) => [name, report.readings[name] ?? []]))
    : {
        tesseract: report.lines.map((line) => ({
          text: line.text,
          confidence: line.confidence ?? 1,
          bbox: { x0: 0, y0: 0, x1: 0, y1: 0 },
          page: 1,
        })),
      };
  const { record, lines } = recordFromReadings(readings, { latestDate: tomorrow });
  return score({ ...report, readings, lines: parserLines(lines) }, record);
}

function parserLines(lines: Array<{ text: string; confidence: number }>) {
  return lines.map((line) => ({ text: line.text, confidence: line.confidence }));
}

async function runOne(
  extractor: ReceiptExtractor,
  dataset: string,
  file: string,
  set: string,
): Promise<ReceiptReport> {
  const id = stem(file);
  const expected = JSON.parse(await readFile(join(dataset, 'key', `${id}.json`), 'utf8')) as Label;
  const boxPath = join(dataset, 'box', `${id}.txt`);
  const measured = await measureUsage(() => extractOne(extractor, dataset, file));
  const cost = {
    seconds: measured.usage.wallSeconds,
    cpuSeconds: measured.usage.cpuSeconds,
    peakRssMb: measured.usage.peakRssMb,
  };
  const empty = { company: null, date: null, address: null, total: null };
  const { result } = measured;
  if (result instanceof Error) {
    return {
      id,
      set,
      predicted: empty,
      expected,
      match: { company: false, date: false, address: false, total: false },
      confidence: { company: 0, date: 0, address: 0, total: 0 },
      cer: null,
      ...cost,
      lines: [],
      readings: {},
      error: result.message,
    };
  }
  const cer = existsSync(boxPath)
    ? characterErrorRate(result.text, boxFileText(await readFile(boxPath, 'utf8')))
    : null;
  return score(
    {
      id,
      set,
      expected,
      cer,
      ...cost,
      lines: parserLines(result.lines),
      readings: result.readings,
    },
    result.record,
  );
}

/** One receipt through the worker's extractor; a failure is returned, not thrown. */
async function extractOne(
  extractor: ReceiptExtractor,
  dataset: string,
  file: string,
): Promise<Awaited<ReturnType<ReceiptExtractor['extract']>> | Error> {
  try {
    const mimeType = /\.png$/i.test(file) ? 'image/png' : 'image/jpeg';
    return await extractor.extract({ path: join(dataset, 'img', file), mimeType });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

interface Summary {
  receipts: number;
  /** Receipts whose label has the field (one SROIE receipt has no address). */
  accuracy: Record<FieldName, { correct: number; labelled: number; rate: number }>;
  meanAccuracy: number;
  secondsPerReceipt: { median: number; p95: number };
  /** Per receipt, from runs that measured each receipt (older reports lack it). */
  cpuSecondsPerReceipt: { median: number; p95: number } | null;
  peakRssMbPerReceipt: { median: number; max: number } | null;
  usage: SetUsage | null;
  concurrency: number;
  characterErrorRate: { mean: number; median: number; receipts: number } | null;
  /** Fields (of the four scored) by confidence decile: [0, 0.1), … [0.9, 1]. */
  calibration: Array<{ correct: number; count: number }>;
  errors: number;
}

function summarise(reports: ReceiptReport[], usage: SetUsage | null, concurrency: number): Summary {
  const accuracy = Object.fromEntries(
    FIELDS.map((name) => {
      const labelled = reports.filter((report) => report.expected[name] !== undefined);
      const correct = labelled.filter((report) => report.match[name]).length;
      return [
        name,
        {
          correct,
          labelled: labelled.length,
          rate: labelled.length ? correct / labelled.length : 0,
        },
      ];
    }),
  ) as Summary['accuracy'];
  const cers = reports.map((report) => report.cer).filter((cer): cer is number => cer !== null);
  const calibration = Array.from({ length: 10 }, () => ({ correct: 0, count: 0 }));
  for (const report of reports) {
    for (const name of FIELDS) {
      if (report.expected[name] === undefined) continue;
      const bucket = calibration[Math.min(9, Math.floor(report.confidence[name] * 10))];
      bucket.count += 1;
      if (report.match[name]) bucket.correct += 1;
    }
  }
  const seconds = reports.map((report) => report.seconds);
  const cpu = reports.flatMap((report) => report.cpuSeconds ?? []);
  const rss = reports.flatMap((report) => report.peakRssMb ?? []);
  return {
    receipts: reports.length,
    accuracy,
    meanAccuracy: FIELDS.reduce((sum, name) => sum + accuracy[name].rate, 0) / FIELDS.length,
    secondsPerReceipt: { median: percentile(seconds, 0.5), p95: percentile(seconds, 0.95) },
    cpuSecondsPerReceipt: cpu.length
      ? { median: percentile(cpu, 0.5), p95: percentile(cpu, 0.95) }
      : null,
    peakRssMbPerReceipt: rss.length
      ? { median: percentile(rss, 0.5), max: Math.max(...rss) }
      : null,
    usage,
    concurrency,
    characterErrorRate: cers.length
      ? {
          mean: cers.reduce((a, b) => a + b, 0) / cers.length,
          median: percentile(cers, 0.5),
          receipts: cers.length,
        }
      : null,
    calibration,
    errors: reports.filter((report) => report.error).length,
  };
}

function formatSummary(summary: Summary): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  const rows = FIELDS.map(
    (name) =>
      `| ${name.padEnd(8)} | ${pct(summary.accuracy[name].rate).padStart(6)} | ${String(summary.accuracy[name].correct).padStart(3)}/${summary.accuracy[name].labelled} |`,
  );
  const bucket = ({ correct, count }: { correct: number; count: number }) =>
    count ? `${pct(correct / count)} of ${count}` : 'none';
  const cer = summary.characterErrorRate;
  const usage = summary.usage;
  const perReceipt = Math.max(1, summary.receipts);
  return [
    `Receipts: ${summary.receipts}${summary.errors ? ` (${summary.errors} failed)` : ''}`,
    '',
    '| field    | exact  | count   |',
    '|----------|--------|---------|',
    ...rows,
    `| mean     | ${pct(summary.meanAccuracy).padStart(6)} |         |`,
    '',
    `Seconds per receipt: median ${summary.secondsPerReceipt.median.toFixed(2)}, p95 ${summary.secondsPerReceipt.p95.toFixed(2)} ` +
      `(${summary.concurrency} in parallel)`,
    usage
      ? `Process: wall ${usage.wallSeconds.toFixed(1)} s (${(usage.wallSeconds / perReceipt).toFixed(2)} s/receipt throughput), ` +
        `CPU ${(usage.cpuSeconds / perReceipt).toFixed(2)} s/receipt, peak RSS ${usage.peakRssMb} MB`
      : 'Process: no usage figures (report from an older run)',
    summary.cpuSecondsPerReceipt && summary.peakRssMbPerReceipt
      ? `Per receipt (process tree): CPU median ${summary.cpuSecondsPerReceipt.median.toFixed(2)} s, ` +
        `p95 ${summary.cpuSecondsPerReceipt.p95.toFixed(2)} s; peak RSS median ${summary.peakRssMbPerReceipt.median} MB, ` +
        `max ${summary.peakRssMbPerReceipt.max} MB`
      : 'Per receipt: no CPU/RSS figures (report from an older run)',
    cer
      ? `OCR character error rate vs box/: mean ${pct(cer.mean)}, median ${pct(cer.median)} (${cer.receipts} receipts)`
      : 'OCR character error rate: no box/ ground truth',
    '',
    'Calibration (fields by confidence decile; the review threshold is 0.8):',
    ...summary.calibration.map(
      (decile, index) =>
        `  ${(index / 10).toFixed(1)}–${((index + 1) / 10).toFixed(1)}: ${bucket(decile)}`,
    ),
    `  >= 0.8: ${bucket(sumBuckets(summary.calibration.slice(8)))}; < 0.8: ${bucket(sumBuckets(summary.calibration.slice(0, 8)))}`,
    '',
  ].join('\n');
}

function sumBuckets(buckets: Array<{ correct: number; count: number }>): {
  correct: number;
  count: number;
} {
  return buckets.reduce(
    (sum, bucket) => ({ correct: sum.correct + bucket.correct, count: sum.count + bucket.count }),
    { correct: 0, count: 0 },
  );
}

/** A one-line progress bar on stderr, only when stderr is a terminal. */
class ProgressBar {
  private count = 0;
  private readonly started = performance.now();
  private readonly enabled = process.stderr.isTTY === true;

  constructor(private readonly total: number) {}

  tick(): void {
    this.count += 1;
    if (!this.enabled) return;
    const width = 30;
    const filled = Math.round((this.count / this.total) * width);
    const elapsed = (performance.now() - this.started) / 1000;
    const eta = (elapsed / this.count) * (this.total - this.count);
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.count}/${this.total} ${elapsed.toFixed(0)}s elapsed, ~${eta.toFixed(0)}s left `,
    );
  }

  done(): void {
    if (this.enabled) process.stderr.write('\n');
  }
}

await main();
