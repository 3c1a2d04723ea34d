import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { parseReceipt } from '../../src/ocr/parsing/parse-receipt.js';
import { finaliseRecord } from '../../src/receipts/records/finalise-record.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/receipts');

/** The OCR lines of a fixture receipt (`uk-cafe`, `us-diner`, `de-elektro`). */
export function fixtureLines(name = 'uk-cafe'): string[] {
  return readFileSync(join(FIXTURES, `${name}.txt`), 'utf8').split('\n');
}

export interface ReceiptSeed {
  ownerId: string;
  /** OCR lines run through the real parser; defaults to the uk-cafe fixture. */
  lines?: string[];
  /** Column overrides applied after parsing (snake_case column → value). */
  columns?: Record<string, unknown>;
  /** Where the original file is written (STORAGE_DIR); no file when absent. */
  storageDir?: string;
  fileBytes?: Buffer;
}

/**
 * A finished receipt row as the worker would leave it: the fixture's lines parsed by the real
 * parser and finalised by the same code as the worker, inserted with its OCR lines (so
 * re-extraction works) and, when a storage folder is given, its original file.
 */
export async function seedReceipt(databaseUrl: string, seed: ReceiptSeed): Promise<string> {
  const id = randomUUID();
  const lines = seed.lines ?? fixtureLines();
  const parsed = parseReceipt(lines, {});
  const f = finaliseRecord(parsed, {
    corrections: {},
    category: null,
    categorySource: null,
    confirmedAt: null,
  });
  const bytes = seed.fileBytes ?? Buffer.from(`receipt ${id}`);
  const storageKey = `${seed.ownerId}/${id}.jpg`;
  if (seed.storageDir) {
    const path = join(seed.storageDir, storageKey);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  const ocrLines = lines.map((text, index) => ({
    text,
    confidence: 0.9,
    page: 1,
    bbox: { x0: 0, y0: index * 20, x1: 400, y1: index * 20 + 18 },
  }));
  const columns: Record<string, unknown> = {
    id,
    owner_id: seed.ownerId,
    status: f.status,
    progress: 100,
    original_filename: 'receipt.jpg',
    mime_type: 'image/jpeg',
    size_bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    storage_key: storageKey,
    pages: 1,
    engine: 'tesseract',
    record: JSON.stringify(f.record),
    review_issues: JSON.stringify(f.reviewIssues),
    merchant_name: f.merchantName,
    receipt_date: f.receiptDate,
    currency: f.currency,
    total: f.total,
    tax_total: f.taxTotal,
    address: f.address,
    item_text: f.itemText,
    confidence: f.confidence,
    category: f.category,
    category_source: f.categorySource,
    ocr_text: lines.join('\n'),
    ocr_lines: JSON.stringify(ocrLines),
    finished_at: new Date(),
    ...seed.columns,
  };
  const names = Object.keys(columns);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO receipts (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
      Object.values(columns),
    );
  } finally {
    await client.end();
  }
  return id;
}
