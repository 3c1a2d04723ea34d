import type { OcrLine } from '../ocr.types.js';
import type { Field, FieldSource, LineItem, ReceiptRecord } from './receipt-record.js';

/**
 * Adds the page and box of the OCR line each value came from. The parser only sees text, so
 * it names lines by index; the boxes are what a client needs to highlight a value on the
 * image, and the line's engine is the value's provenance. Sources whose index names no line (a parser bug) are left as they are.
 */
export function locateSources(record: ReceiptRecord, lines: readonly OcrLine[]): ReceiptRecord {
  const locate = (source: FieldSource | null): FieldSource | null => {
    const line = source ? lines[source.line] : undefined;
    if (!source || !line) return source;
    const { x0, y0, x1, y1 } = line.bbox;
    // A combined reading has already said which engines agreed; otherwise it is the line's.
    const engines = source.engines ?? (line.engine ? [line.engine] : undefined);
    return { ...source, page: line.page, box: { x0, y0, x1, y1 }, ...(engines && { engines }) };
  };
  const field = <T>(f: Field<T>): Field<T> => ({ ...f, source: locate(f.source) });
  const item = (i: LineItem): LineItem => ({ ...i, source: locate(i.source) });
  return {
    ...record,
    merchantName: field(record.merchantName),
    address: field(record.address),
    phone: field(record.phone),
    taxId: field(record.taxId),
    receiptNumber: field(record.receiptNumber),
    date: field(record.date),
    time: field(record.time),
    currency: field(record.currency),
    subtotal: field(record.subtotal),
    taxTotal: field(record.taxTotal),
    tip: field(record.tip),
    discount: field(record.discount),
    total: field(record.total),
    paymentMethod: field(record.paymentMethod),
    cardLast4: field(record.cardLast4),
    lineItems: record.lineItems.map(item),
  };
}
