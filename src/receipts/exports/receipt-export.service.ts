import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { ReceiptFiltersQuery } from '../dto/receipt-filters.query.js';
import { ReceiptSearchRepository } from '../search/receipt-search.repository.js';
import { assertFiltersCoherent } from '../search/receipt-search.service.js';
import { csvRow, UTF8_BOM } from './csv.js';
import { streamQuery } from './database-cursor.js';

/** One export column: its header and the SQL (over `r`, or `li` for line items) it reads. */
type Column = [header: string, sql: string];

const field = (name: string) => `r.record->'${name}'->>'value'`;

const RECEIPT_COLUMNS: Column[] = [
  ['receipt_id', 'r.id'],
  ['date', 'r.receipt_date::text'],
  ['time', field('time')],
  ['merchant', 'r.merchant_name'],
  ['address', 'r.address'],
  ['currency', 'r.currency'],
  ['subtotal', field('subtotal')],
  ['tax', 'r.tax_total::text'],
  ['tip', field('tip')],
  ['discount', field('discount')],
  ['total', 'r.total::text'],
  ['payment_method', field('paymentMethod')],
  ['card_last4', field('cardLast4')],
  ['category', 'r.category'],
  ['tags', "array_to_string(r.tags, '; ')"],
  ['note', 'r.note'],
  ['status', 'r.status'],
  ['confidence', 'r.confidence::text'],
  [
    'review_issues',
    "(SELECT string_agg(i, ' | ') FROM jsonb_array_elements_text(r.review_issues) i)",
  ],
  ['possible_duplicate_of', 'r.possible_duplicate_of'],
  ['filename', 'r.original_filename'],
  ['created_at', `to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`],
];

const LINE_ITEM_COLUMNS: Column[] = [
  ['receipt_id', 'r.id'],
  ['date', 'r.receipt_date::text'],
  ['merchant', 'r.merchant_name'],
  ['currency', 'r.currency'],
  ['line', 'li.n'],
  ['description', "li.item->>'description'"],
  ['quantity', "li.item->>'quantity'"],
  ['unit_price', "li.item->>'unitPrice'"],
  ['amount', "li.item->>'amount'"],
];

export interface ExportOptions {
  /** Start with a UTF-8 byte order mark (for Excel). */
  bom: boolean;
}

/**
 * CSV exports of the receipts matching the search filters (never the trash), streamed from a
 * database cursor: memory stays flat however many receipts there are.
 */
@Injectable()
export class ReceiptExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly search: ReceiptSearchRepository,
  ) {}

  /** Checks the filters now, so a bad one is a 422 before any byte is sent. */
  validate(filters: ReceiptFiltersQuery): void {
    assertFiltersCoherent(filters);
  }

  receiptsCsv(ownerId: string, filters: ReceiptFiltersQuery, options: ExportOptions): Readable {
    return this.csv(this.query(ownerId, filters, RECEIPT_COLUMNS), RECEIPT_COLUMNS, options);
  }

  lineItemsCsv(ownerId: string, filters: ReceiptFiltersQuery, options: ExportOptions): Readable {
    const query = this.query(
      ownerId,
      filters,
      LINE_ITEM_COLUMNS,
      `CROSS JOIN LATERAL jsonb_array_elements(coalesce(r.record->'lineItems', '[]')) WITH ORDINALITY AS li(item, n)`,
      ', li.n',
    );
    return this.csv(query, LINE_ITEM_COLUMNS, options);
  }

  /** The rows of the filtered receipts (newest first) as `[sql, params]`, columns c0, c1 … */
  query(
    ownerId: string,
    filters: ReceiptFiltersQuery,
    columns: Column[],
    join = '',
    extraOrder = '',
  ): [string, unknown[]] {
    const [ids, params] = this.search
      .filtered(ownerId, filters)
      .select('r.id', 'id')
      .addSelect('r.created_at', 'created_at')
      .getQueryAndParameters();
    // The filtered ids (index-served) joined back to the rows, newest first like the list.
    const select = columns.map(([, sql], index) => `${sql} AS c${index}`).join(', ');
    const sql = `SELECT ${select} FROM (${ids}) f JOIN receipts r ON r.id = f.id ${join}
                 ORDER BY f.created_at DESC, f.id DESC${extraOrder}`;
    return [sql, params];
  }

  private csv(
    [sql, params]: [string, unknown[]],
    columns: Column[],
    options: ExportOptions,
  ): Readable {
    const db = this.db;
    async function* lines(): AsyncGenerator<string> {
      yield (options.bom ? UTF8_BOM : '') + csvRow(columns.map(([header]) => header));
      for await (const rows of streamQuery<Record<string, string | number | null>>(
        db,
        sql,
        params,
      )) {
        yield rows.map((row) => csvRow(columns.map((_, index) => row[`c${index}`]))).join('');
      }
    }
    return Readable.from(lines(), { objectMode: false });
  }
}
