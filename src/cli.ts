#!/usr/bin/env node
import './bootstrap/runtime-guard.js';
/**
 * Command-line extractor: `receipt-vault extract <file...>` prints the record the worker would
 * produce for each local image or PDF, using the same inspection, preparation, OCR and parsing
 * code — no server, database or Redis. Options come from flags, never from the environment.
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { AppError } from './common/errors/index.js';
import { ocrEnginesSchema } from './config/env.schema.js';
import { inspectFile } from './files/file-inspector.js';
import type { OcrEngineName } from './ocr/ocr-engine.js';
import { ReceiptExtractor } from './ocr/receipt-extractor.js';

const USAGE = `Usage: receipt-vault extract [options] <file...>
       receipt-vault reextract --all [--batch <n>]

Prints, as JSON, the extracted record of each receipt image (JPEG, PNG, WebP, TIFF) or PDF:
one object for one file, an array for several.

Options:
  --text                 include the OCR text and page/engine/timing details
  --engines <list>       OCR engines: tesseract, ppocr, or ppocr,tesseract to combine both
                         (default: tesseract)
  --pool-size <n>        OCR workers (default: 2, at most one per file)
  --timeout-ms <n>       deadline per page (default: 60000)
  --max-image-pixels <n> refuse larger images (default: 40000000)
  --max-pdf-pages <n>    refuse longer PDFs (default: 20)
  -h, --help             show this help

reextract --all runs the parser again over the kept OCR text of every finished receipt (no OCR;
user corrections survive), in batches of --batch (default 200), with a progress bar. It connects
with the server's settings (DATABASE_URL, REDIS_URL … from the environment or .env).

Exit status: 0 when every file (receipt) was extracted, 1 when any failed, 2 for a usage error.`;

interface CliOptions {
  text: boolean;
  engines: OcrEngineName[];
  poolSize: number;
  jobTimeoutMs: number;
  maxImagePixels: number;
  maxPdfPages: number;
}

type Outcome = { ok: true; output: unknown } | { ok: false; message: string };

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        text: { type: 'boolean', default: false },
        engines: { type: 'string', default: 'tesseract' },
        'pool-size': { type: 'string', default: '2' },
        'timeout-ms': { type: 'string', default: '60000' },
        'max-image-pixels': { type: 'string', default: '40000000' },
        'max-pdf-pages': { type: 'string', default: '20' },
        all: { type: 'boolean', default: false },
        batch: { type: 'string', default: '200' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const [command, ...files] = parsed.positionals;
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === 'reextract') {
    if (!parsed.values.all || files.length > 0) return usageError('reextract takes --all.');
    const batch = positiveInteger(parsed.values.batch, '--batch');
    if (Number.isNaN(batch)) return 2;
    // Loaded only here: it validates the server configuration, which extract does not need.
    const { reextractAll } = await import('./receipts/cli/reextract-all.command.js');
    const summary = await reextractAll(batch);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return summary.failed > 0 ? 1 : 0;
  }
  if (command !== 'extract')
    return usageError(command ? `Unknown command "${command}".` : 'No command given.');
  if (files.length === 0) return usageError('No files given.');

  const engines = ocrEnginesSchema.safeParse(parsed.values.engines);
  if (!engines.success) {
    return usageError(
      `--engines must be tesseract, ppocr or ppocr,tesseract, not "${parsed.values.engines}".`,
    );
  }
  const options: CliOptions = {
    text: parsed.values.text,
    engines: engines.data,
    poolSize: positiveInteger(parsed.values['pool-size'], '--pool-size'),
    jobTimeoutMs: positiveInteger(parsed.values['timeout-ms'], '--timeout-ms'),
    maxImagePixels: positiveInteger(parsed.values['max-image-pixels'], '--max-image-pixels'),
    maxPdfPages: positiveInteger(parsed.values['max-pdf-pages'], '--max-pdf-pages'),
  };
  if (Object.values(options).some((value) => Number.isNaN(value))) return 2;

  const extractor = new ReceiptExtractor({
    engines: options.engines,
    poolSize: Math.min(options.poolSize, files.length),
    recycleAfterJobs: 100,
    jobTimeoutMs: options.jobTimeoutMs,
    maxImagePixels: options.maxImagePixels,
    maxPdfPages: options.maxPdfPages,
  });
  try {
    // As many files in flight as there are OCR workers; results printed in argument order.
    const outcomes: Outcome[] = new Array<Outcome>(files.length);
    let next = 0;
    const lanes = Array.from({ length: Math.min(options.poolSize, files.length) }, async () => {
      while (next < files.length) {
        const index = next++;
        outcomes[index] = await extractOne(extractor, files[index], options);
      }
    });
    await Promise.all(lanes);

    for (const outcome of outcomes) {
      if (!outcome.ok) process.stderr.write(`${outcome.message}\n`);
    }
    const outputs = outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.output);
    if (outputs.length > 0) {
      process.stdout.write(
        `${JSON.stringify(files.length === 1 ? outputs[0] : outputs, null, 2)}\n`,
      );
    }
    return outcomes.every((outcome) => outcome.ok) ? 0 : 1;
  } finally {
    await extractor.close();
  }
}

async function extractOne(
  extractor: ReceiptExtractor,
  file: string,
  options: CliOptions,
): Promise<Outcome> {
  try {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return { ok: false, message: `error: ${file}: no such file` };
    const inspection = await inspectFile(file, options);
    const result = await extractor.extract({ path: file, mimeType: inspection.mimeType });
    const output = options.text
      ? {
          file,
          pages: result.pages,
          engine: result.engine,
          timings: result.timings,
          record: result.record,
          text: result.text,
        }
      : { file, record: result.record };
    return { ok: true, output };
  } catch (error) {
    if (error instanceof AppError)
      return { ok: false, message: `error: ${file}: ${error.code}: ${error.message}` };
    return {
      ok: false,
      message: `error: ${file}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (Number.isInteger(value) && value > 0) return value;
  usageError(`${flag} must be a positive integer, not "${text}".`);
  return Number.NaN;
}

function usageError(message: string): number {
  process.stderr.write(`error: ${message}\n\n${USAGE}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
