import { CARD_PAYMENT, CASH_PAYMENT, CHANGE, MOBILE_PAYMENT } from '../keywords.js';
import type { Field } from '../receipt-record.js';
import { empty, field, type Row } from '../rows.js';

// Payment

const CARD_MASK = /(?<![*xX•#])[*xX•#]{2}[*xX•#\s-]*(\d{4})\b|ENDING\s*(?:IN|WITH)?\s*(\d{4})\b/;

export function findPayment(
  lines: Row[],
  totalLine: number | null,
): { method: Field<string>; cardLast4: Field<string> } {
  // Payment lines follow the total; before it, "CASH BILL" and the like are document titles.
  const after = totalLine === null ? lines : lines.filter((line) => line.index >= totalLine);
  let method: Field<string> = empty();
  for (const line of after) {
    const kind = MOBILE_PAYMENT.test(line.upper)
      ? 'mobile'
      : CARD_PAYMENT.test(line.upper)
        ? 'card'
        : CASH_PAYMENT.test(line.upper) && !CHANGE.test(line.upper)
          ? 'cash'
          : null;
    if (kind) {
      method = field(kind, line.money.length > 0 ? 0.85 : 0.7, line);
      break;
    }
  }
  let cardLast4: Field<string> = empty();
  for (const line of lines) {
    // A mask run starts only where the previous character is not part of one, and holds no
    // nested repetition: "(?:[*]{2,}[\s-]*)+" backtracked exponentially on a line of stars.
    const match = CARD_MASK.exec(line.text);
    if (match) {
      cardLast4 = field(match[1] ?? match[2], 0.85, line);
      if (method.value === null) method = field('card', 0.6, line);
      break;
    }
  }
  return { method, cardLast4 };
}
