import type { ReceiptRecord } from '../../ocr/parsing/receipt-record.js';
import { type Category, suggestCategory } from '../categories/categories.js';
import type { ReceiptEntity } from '../receipt.entity.js';
import { ReceiptStatus } from '../receipt-status.js';
import { applyCorrections, recordColumns } from './corrections.js';

/** Everything a receipt's row takes from a (re-)extracted or corrected record. */
export interface FinalisedRecord extends ReturnType<typeof recordColumns> {
  status: typeof ReceiptStatus.COMPLETED | typeof ReceiptStatus.NEEDS_REVIEW;
  record: ReceiptRecord;
  reviewIssues: string[];
  category: Category | null;
  categorySource: 'rule' | 'user' | null;
}

export type FinaliseContext = Pick<
  ReceiptEntity,
  'corrections' | 'category' | 'categorySource' | 'confirmedAt'
>;

/**
 * Lays the user's corrections over an extracted record, re-runs its checks, suggests a
 * category unless the user chose one, and decides the status: issues send it to review
 * unless the user already confirmed the receipt as it is.
 */
export function finaliseRecord(
  extracted: ReceiptRecord,
  receipt: FinaliseContext,
): FinalisedRecord {
  const record = applyCorrections(extracted, receipt.corrections ?? {});
  const columns = recordColumns(record);
  const issues = record.checks.issues;
  const userCategory = receipt.categorySource === 'user';
  const suggested = suggestCategory(
    columns.merchantName,
    record.lineItems.map((item) => item.description),
  );
  return {
    ...columns,
    record,
    reviewIssues: issues,
    status:
      issues.length > 0 && !receipt.confirmedAt
        ? ReceiptStatus.NEEDS_REVIEW
        : ReceiptStatus.COMPLETED,
    category: userCategory ? receipt.category : suggested,
    categorySource: userCategory ? 'user' : suggested ? 'rule' : null,
  };
}
