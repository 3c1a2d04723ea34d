import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequiresScope } from '../../auth/requires-scope.decorator.js';
import { ExportQuery } from '../dto/export.query.js';
import { ReceiptExportService } from '../exports/receipt-export.service.js';
import { ReceiptZipExport } from '../exports/receipt-zip-export.js';

const BAD_FILTERS = 'VALIDATION_FAILED: a bad filter, from after to, minTotal above maxTotal';
const CSV_DESCRIPTION =
  'Takes the search filters of GET /v1/receipts (never the trash), newest first. RFC 4180 with a header ' +
  'row, UTF-8 (`bom=true` adds a byte order mark for Excel); text cells starting with = + - @ are ' +
  'prefixed with an apostrophe so spreadsheets do not run them as formulas. Streamed from a database ' +
  'cursor: any number of receipts in constant memory.';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function download(stream: Readable, type: string, filename: string): StreamableFile {
  return new StreamableFile(stream, {
    type,
    disposition: `attachment; filename="${filename}"`,
  });
}

@ApiTags('exports')
@ApiBearerAuth()
@RequiresScope('exports')
@Controller('v1/exports')
export class ExportsController {
  constructor(
    private readonly exports: ReceiptExportService,
    private readonly zips: ReceiptZipExport,
  ) {}

  @Get('receipts.csv')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: 'Your receipts as CSV, one row each', description: CSV_DESCRIPTION })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv attachment' })
  @ApiUnprocessableEntityResponse({ description: BAD_FILTERS })
  receipts(@CurrentUser() user: AuthUser, @Query() query: ExportQuery): StreamableFile {
    this.exports.validate(query);
    const stream = this.exports.receiptsCsv(user.id, query, { bom: query.bom });
    return download(stream, 'text/csv; charset=utf-8', `receipts-${today()}.csv`);
  }

  @Get('line-items.csv')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({
    summary: 'The line items of your receipts as CSV, one row per item',
    description: CSV_DESCRIPTION,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'text/csv attachment' })
  @ApiUnprocessableEntityResponse({ description: BAD_FILTERS })
  lineItems(@CurrentUser() user: AuthUser, @Query() query: ExportQuery): StreamableFile {
    this.exports.validate(query);
    const stream = this.exports.lineItemsCsv(user.id, query, { bom: query.bom });
    return download(stream, 'text/csv; charset=utf-8', `line-items-${today()}.csv`);
  }

  @Get('receipts.zip')
  @ApiOperation({
    summary: 'Both CSVs plus the original files, as one ZIP',
    description:
      'receipts.csv, line-items.csv and originals/YYYY-MM-DD_merchant_total.ext for every matching receipt ' +
      '(undated, unknown and no-total stand in for missing values; clashes get _2, _3 …). Streamed.',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'application/zip attachment' })
  @ApiUnprocessableEntityResponse({ description: BAD_FILTERS })
  zip(@CurrentUser() user: AuthUser, @Query() query: ExportQuery): StreamableFile {
    this.exports.validate(query);
    const stream = this.zips.stream(user.id, query, { bom: query.bom });
    return download(stream, 'application/zip', `receipts-${today()}.zip`);
  }
}
