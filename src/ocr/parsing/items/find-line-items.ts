import { findDates } from '../dates.js';
import {
  CHANGE,
  DISCOUNT,
  PHONE_LABEL,
  ROUNDING,
  SUBTOTAL,
  TAX,
  TAX_ID_LABEL,
  TENDERED,
  TIP,
} from '../keywords.js';
import { type AmountMatch, findAmounts, formatMinor } from '../money.js';
import type { LineItem } from '../receipt-record.js';
import { confidence, lastAmount, letters, type ReceiptRows, type Row } from '../rows.js';
import { isTotalLabel } from '../totals/find-totals.js';

export interface ParsedItem extends LineItem {
  minor: number;
}

const QUANTITY_AT =
  /^(.*?)(?:^|\s)(\d{1,4}(?:[.,]\d{1,3})?)\s*(?:[xX×*@]|PCS?|EA)\s*(?:@\s*)?([\d.,]+\d)\b(.*)$/;
const LEADING_QUANTITY = /^(\d{1,3})\s*[xX×*]?\s+(?=\p{L})/u;

export function findLineItems(
  context: ReceiptRows,
  merchantLine: number | null,
  summaryLine: number | null,
): ParsedItem[] {
  const { rows: lines } = context;
  const end = summaryLine ?? lines.length;
  const items: ParsedItem[] = [];
  let pendingDescription: Row | null = null;
  for (const line of lines) {
    if (line.index <= (merchantLine ?? -1) || line.index >= end) continue;
    if (isLabelLine(line)) {
      pendingDescription = null;
      continue;
    }
    const amount = lastAmount(line);
    const descriptionText = amount ? line.text.slice(0, amount.index) : line.text;
    if (!amount) {
      // A description whose price is printed on the next row (common on Asian receipts).
      pendingDescription =
        letters(line.text) >= 3 && findDates(line.text, 'dmy').length === 0 ? line : null;
      continue;
    }
    let description = descriptionText;
    let source = line;
    if (letters(description) < 2 && pendingDescription) {
      description = `${pendingDescription.text} ${description}`;
      source = { ...pendingDescription, text: `${pendingDescription.text}\n${line.text}` };
    }
    pendingDescription = null;
    if (letters(description) < 2) continue;
    items.push(toItem(description, amount, line, source, context.minorUnits));
  }
  return items;
}

function isLabelLine(line: Row): boolean {
  return (
    isTotalLabel(line) ||
    SUBTOTAL.test(line.upper) ||
    (TAX.test(line.upper) && line.money.length > 0) ||
    TAX_ID_LABEL.test(line.text) ||
    TIP.test(line.upper) ||
    DISCOUNT.test(line.upper) ||
    CHANGE.test(line.upper) ||
    ROUNDING.test(line.upper) ||
    (TENDERED.test(line.upper) && line.money.length > 0) ||
    findDates(line.text, 'dmy').length > 0 ||
    (PHONE_LABEL.test(line.upper) && /\d{6}/.test(line.text.replace(/\D/g, '')))
  );
}

function toItem(
  rawDescription: string,
  amount: AmountMatch,
  line: Row,
  source: Row,
  minorUnits: number,
): ParsedItem {
  let description = rawDescription.replace(/\s{2,}/g, ' ').trim();
  let quantity = '1';
  let unitMinor = amount.minor;
  const atPrice = QUANTITY_AT.exec(description);
  if (atPrice) {
    const unit = findAmounts(atPrice[3], minorUnits)[0];
    if (unit) {
      quantity = atPrice[2].replace(',', '.');
      unitMinor = unit.minor;
      description = `${atPrice[1]} ${atPrice[4]}`.trim();
    }
  }
  const leading = LEADING_QUANTITY.exec(description);
  if (leading) {
    if (!atPrice) {
      quantity = leading[1];
      unitMinor = Math.round(amount.minor / Number(quantity));
    }
    description = description.slice(leading[0].length);
  }
  // Other prices on the row (unit price column) before the amount.
  const others = line.money.filter((other) => other !== amount && other.index < amount.index);
  if (!atPrice && others.length > 0) {
    const unit = others[others.length - 1].minor;
    const ratio = unit !== 0 ? amount.minor / unit : 0;
    if (Number.isInteger(ratio) && ratio > 0) {
      quantity = String(ratio);
      unitMinor = unit;
    }
    for (const other of others) {
      const printed = line.text.slice(other.index, other.end);
      const at = description.lastIndexOf(printed);
      if (at >= 0)
        description = `${description.slice(0, at)} ${description.slice(at + printed.length)}`;
    }
  }
  description = description
    .replace(/[\s@xX×*:-]+$/u, '')
    .replace(/^[\s\-*#.:]+/u, '')
    .trim();
  const consistent = Math.abs(Number(quantity) * unitMinor - amount.minor) <= 1;
  return {
    description,
    quantity,
    unitPrice: formatMinor(unitMinor, minorUnits),
    amount: formatMinor(amount.minor, minorUnits),
    confidence: confidence(consistent ? 0.7 : 0.45, line),
    source: { line: source.index, text: source.text },
    minor: amount.minor,
  };
}
