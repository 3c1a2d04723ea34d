import type { ReceiptStatus } from '@receipt-vault/client';

export const STATUS_LABELS: Record<ReceiptStatus, string> = {
  queued: 'Queued',
  processing: 'Reading',
  completed: 'Done',
  needs_review: 'Needs review',
  failed: 'Failed',
};

export function formatMoney(amount: string | null, currency: string | null): string {
  if (amount === null) return '—';
  const value = Number(amount);
  if (currency && Number.isFinite(value)) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value);
    } catch {
      // An unknown code: show it as written.
    }
  }
  return currency ? `${amount} ${currency}` : amount;
}

export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What a person calls a receipt: its merchant, else the file it came from. */
export function receiptTitle(receipt: {
  summary: { merchantName: string | null };
  filename: string | null;
}): string {
  return receipt.summary.merchantName ?? receipt.filename ?? 'Receipt';
}

/** "12 Mar 2024 · RM 6.50" for a receipt's one-line summary. */
export function dateAndTotal(summary: {
  date: string | null;
  total: string | null;
  currency: string | null;
}): string {
  return `${formatDate(summary.date)} · ${formatMoney(summary.total, summary.currency)}`;
}
