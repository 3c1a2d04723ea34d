/**
 * Extraction accuracy on a SROIE-style dataset folder:
 *
 *   node dist/bench/accuracy.js <dataset-dir> [--limit N] [--out report.json] [--concurrency N]
 *
 *   node dist/bench/accuracy.js <dataset-dir> --from-report earlier.json [--out …]
 *
 * The second form re-parses the OCR lines saved in an earlier report instead of running OCR
 * again: parser changes are scored in seconds (its timings and error rate are the earlier run's).
 *
 * <dataset-dir>/img/<id>.jpg, key/<id>.json ({company, date, address, total}), optionally
 * box/<id>.txt (line-level OCR truth, for the character error rate). Runs exactly the worker's
 * ReceiptExtractor. Prints per-field exact-match accuracy after normalisation, speed, OCR
 * character error rate, and calibration (accuracy per confidence decile); writes a per-receipt
 * report. When the dataset's manifest.json marks receipts `"set": "tune"` or `"measure"`, every
 * figure is printed for each set apart: rules are tuned on `tune`, and `measure` says whether
 * they generalise.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import type { ParserLine } from '../src/ocr/parsing/receipt-record.js';
import { parseReceipt } from '../src/ocr/parsing/parse-receipt.js';
import type { ReceiptRecord } from '../src/ocr/parsing/receipt-record.js';
import { ReceiptExtractor } from '../src/ocr/receipt-extractor.js';
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
  predicted: Record<FieldName, string | null>;
  expected: Label;
  match: Record<FieldName, boolean>;
  confidence: Record<FieldName, number>;
  cer: number | null;
  seconds: number;
  /** The OCR lines, so a later run can re-parse them with --from-report. */
  lines: ParserLine[];
  error?: string;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      out: { type: 'string' },
      concurrency: { type: 'string', default: '2' },
      'from-report': { type: 'string' },
    },
  });
  const dataset = positionals[0];
  if (!dataset || !existsSync(join(dataset, 'img'))) {
    process.stderr.write(
      'Usage: accuracy <dataset-dir> [--limit N] [--out report.json] [--concurrency N]\n',
    );
    process.exitCode = 2;
    return;
  }
  const concurrency = Math.max(1, Number(values.concurrency) || 2);
  const ids = (await readdir(join(dataset, 'img')))
    .filter((name) => /\.(jpe?g|png|webp|tiff?)$/i.test(name))
    .sort()
    .slice(0, values.limit ? Number(values.limit) : undefined);

  let reports: ReceiptReport[];
  let wallSeconds: number;
  if (values['from-report']) {
    const earlier = JSON.parse(await readFile(values['from-report'], 'utf8')) as {
      receipts: ReceiptReport[];
    };
    reports = earlier.receipts
      .filter((report) => ids.some((file) => file.startsWith(`${report.id}.`)))
      .map(reparse);
    wallSeconds = reports.reduce((sum, report) => sum + report.seconds, 0) / concurrency;
  } else {
    const started = performance.now();
    reports = await runAll(dataset, ids, concurrency);
    wallSeconds = (performance.now() - started) / 1000;
  }

  const sets = await readSets(dataset);
  const summary = summarise(reports, wallSeconds, concurrency);
  const bySet = Object.fromEntries(
    [...new Set(sets.values())]
      .sort()
      .reverse()
      .map((set) => {
        const members = reports.filter((report) => sets.get(report.id) === set);
        const share = members.length / Math.max(1, reports.length);
        return [set, summarise(members, wallSeconds * share, concurrency)];
      }),
  );
  for (const [set, figures] of Object.entries(bySet)) {
    process.stdout.write(`## ${set}\n\n${formatSummary(figures)}\n`);
  }
  process.stdout.write(`## all\n\n${formatSummary(summary)}`);
  if (values.out) {
    await writeFile(
      values.out,
      `${JSON.stringify({ dataset, summary, bySet, receipts: reports }, null, 2)}\n`,
    );
    process.stdout.write(`\nReport written to ${values.out}\n`);
  }
}

/** Which set (`tune`, `measure`) each receipt belongs to, from the dataset's manifest. */
async function readSets(dataset: string): Promise<Map<string, string>> {
  const path = join(dataset, 'manifest.json');
  if (!existsSync(path)) return new Map();
  const manifest = JSON.parse(await readFile(path, 'utf8')) as {
    receipts?: Array<{ id: string; set?: string }>;
  };
  return new Map(
    (manifest.receipts ?? [])
      .filter((receipt) => receipt.set)
      .map((receipt) => [receipt.id, receipt.set as string]),
  );
}

async function runAll(
  dataset: string,
  ids: string[],
  concurrency: number,
): Promise<ReceiptReport[]> {
  const extractor = new ReceiptExtractor({
    poolSize: concurrency,
    recycleAfterJobs: 100,
    jobTimeoutMs: 120_000,
    maxImagePixels: 40_000_000,
    maxPdfPages: 20,
  });
  const progress = new ProgressBar(ids.length);
  const reports: ReceiptReport[] = new Array<ReceiptReport>(ids.length);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < ids.length) {
          const index = next++;
          reports[index] = await runOne(extractor, dataset, ids[index]);
          progress.tick();
        }
      }),
    );
  } finally {
    progress.done();
    await extractor.close();
  }
  return reports;
}

function score(
  report: Omit<ReceiptReport, 'predicted' | 'match' | 'confidence'>,
  record: ReceiptRecord,
): ReceiptReport {
  const { expected } = report;
  const predicted = {
    company: record.merchantName.value,
    date: record.date.value,
    address: record.address.value,
    total: record.total.value,
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
      company: record.merchantName.confidence,
      date: record.date.confidence,
      address: record.address.confidence,
      total: record.total.confidence,
    },
  };
}

/** Re-scores an earlier report's OCR lines with the current parser, as the extractor would. */
function reparse(report: ReceiptReport): ReceiptReport {
  if (report.error) return report;
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return score(report, parseReceipt(report.lines, { latestDate: tomorrow }));
}

async function runOne(
  extractor: ReceiptExtractor,
  dataset: string,
  file: string,
): Promise<ReceiptReport> {
  const id = file.replace(/\.[^.]+$/, '');
  const expected = JSON.parse(await readFile(join(dataset, 'key', `${id}.json`), 'utf8')) as Label;
  const boxPath = join(dataset, 'box', `${id}.txt`);
  const started = performance.now();
  const empty = { company: null, date: null, address: null, total: null };
  try {
    const mimeType = /\.png$/i.test(file) ? 'image/png' : 'image/jpeg';
    const result = await extractor.extract({ path: join(dataset, 'img', file), mimeType });
    const seconds = (performance.now() - started) / 1000;
    const cer = existsSync(boxPath)
      ? characterErrorRate(result.text, boxFileText(await readFile(boxPath, 'utf8')))
      : null;
    const lines = result.lines.map((line) => ({ text: line.text, confidence: line.confidence }));
    return score({ id, expected, cer, seconds, lines }, result.record);
  } catch (error) {
    return {
      id,
      predicted: empty,
      expected,
      match: { company: false, date: false, address: false, total: false },
      confidence: { company: 0, date: 0, address: 0, total: 0 },
      cer: null,
      seconds: (performance.now() - started) / 1000,
      lines: [],
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

interface Summary {
  receipts: number;
  /** Receipts whose label has the field (one SROIE receipt has no address). */
  accuracy: Record<FieldName, { correct: number; labelled: number; rate: number }>;
  meanAccuracy: number;
  secondsPerReceipt: { median: number; p95: number };
  wallSeconds: number;
  concurrency: number;
  characterErrorRate: { mean: number; median: number; receipts: number } | null;
  /** Fields (of the four scored) by confidence decile: [0, 0.1), … [0.9, 1]. */
  calibration: Array<{ correct: number; count: number }>;
  errors: number;
}

function summarise(reports: ReceiptReport[], wallSeconds: number, concurrency: number): Summary {
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
  return {
    receipts: reports.length,
    accuracy,
    meanAccuracy: FIELDS.reduce((sum, name) => sum + accuracy[name].rate, 0) / FIELDS.length,
    secondsPerReceipt: { median: percentile(seconds, 0.5), p95: percentile(seconds, 0.95) },
    wallSeconds,
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
  return [
    `Receipts: ${summary.receipts}${summary.errors ? ` (${summary.errors} failed)` : ''}`,
    '',
    '| field    | exact  | count   |',
    '|----------|--------|---------|',
    ...rows,
    `| mean     | ${pct(summary.meanAccuracy).padStart(6)} |         |`,
    '',
    `Seconds per receipt: median ${summary.secondsPerReceipt.median.toFixed(2)}, p95 ${summary.secondsPerReceipt.p95.toFixed(2)} ` +
      `(${summary.concurrency} in parallel; wall ${summary.wallSeconds.toFixed(1)} s, ${(summary.wallSeconds / Math.max(1, summary.receipts)).toFixed(2)} s/receipt throughput)`,
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
