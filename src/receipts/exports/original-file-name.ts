/**
 * The name of an original file inside a ZIP export: `YYYY-MM-DD_merchant_total.ext`, with
 * `undated`, `unknown` and `no-total` for missing values. The merchant is reduced to ASCII
 * letters, digits and dashes (no path separators, nothing a file system refuses), and a name
 * already used gets `_2`, `_3` … before the extension.
 */
export function originalFileName(
  receipt: {
    date: string | null;
    merchant: string | null;
    total: string | null;
    extension: string;
  },
  used: Map<string, number>,
): string {
  const merchant =
    (receipt.merchant ?? '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'unknown';
  const total = receipt.total && /^-?\d+(\.\d+)?$/.test(receipt.total) ? receipt.total : 'no-total';
  const extension = /^[a-z0-9]{1,5}$/i.test(receipt.extension)
    ? receipt.extension.toLowerCase()
    : 'bin';
  const stem = `${receipt.date ?? 'undated'}_${merchant}_${total}`;
  const seen = (used.get(stem) ?? 0) + 1;
  used.set(stem, seen);
  return `${stem}${seen > 1 ? `_${seen}` : ''}.${extension}`;
}
