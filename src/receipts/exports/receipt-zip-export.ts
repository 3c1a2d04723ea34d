import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import type { ReceiptFiltersQuery } from '../dto/receipt-filters.query.js';
import { FileStorage } from '../storage/file-storage.js';
import { streamQuery } from './database-cursor.js';
import { originalFileName } from './original-file-name.js';
import { type ExportOptions, ReceiptExportService } from './receipt-export.service.js';

interface OriginalRow {
  c0: string;
  c1: string;
  c2: string | null;
  c3: string | null;
  c4: string | null;
}

const ORIGINAL_COLUMNS: [string, string][] = [
  ['id', 'r.id'],
  ['storage_key', 'r.storage_key'],
  ['date', 'r.receipt_date::text'],
  ['merchant', 'r.merchant_name'],
  ['total', 'r.total::text'],
];

/**
 * receipts.zip: both CSVs and the original of every matching receipt, streamed. Entries are
 * opened one at a time as the archive is written (yazl's lazy streams), so neither memory nor
 * open files grow with the number of receipts; originals are stored uncompressed (images and
 * PDFs are compressed already).
 */
@Injectable()
export class ReceiptZipExport {
  private readonly logger = new Logger(ReceiptZipExport.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly exports: ReceiptExportService,
    private readonly storage: FileStorage,
  ) {}

  stream(ownerId: string, filters: ReceiptFiltersQuery, options: ExportOptions): Readable {
    const zip = new ZipFile();
    zip.addReadStreamLazy('receipts.csv', (cb) =>
      cb(null, this.exports.receiptsCsv(ownerId, filters, options)),
    );
    zip.addReadStreamLazy('line-items.csv', (cb) =>
      cb(null, this.exports.lineItemsCsv(ownerId, filters, options)),
    );
    const output = zip.outputStream as Readable;
    this.addOriginals(zip, ownerId, filters).then(
      () => zip.end(),
      (error: Error) => {
        this.logger.error(`zip export failed: ${error.message}`);
        output.destroy(error);
      },
    );
    return output;
  }

  private async addOriginals(
    zip: ZipFile,
    ownerId: string,
    filters: ReceiptFiltersQuery,
  ): Promise<void> {
    const [sql, params] = this.exports.query(ownerId, filters, ORIGINAL_COLUMNS);
    const used = new Map<string, number>();
    for await (const rows of streamQuery<OriginalRow>(this.db, sql, params)) {
      for (const row of rows) {
        // A file lost from storage is left out rather than breaking the whole archive.
        if (!(await this.storage.exists(row.c1))) {
          this.logger.warn(`original of receipt ${row.c0} missing; left out of the export`);
          continue;
        }
        const name = originalFileName(
          {
            date: row.c2,
            merchant: row.c3,
            total: row.c4,
            extension: row.c1.split('.').pop() ?? '',
          },
          used,
        );
        zip.addReadStreamLazy(`originals/${name}`, { compress: false }, (cb) =>
          cb(null, this.storage.openRead(row.c1)),
        );
      }
    }
  }
}
