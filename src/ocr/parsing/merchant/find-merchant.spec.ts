import { describe, expect, it } from 'vitest';

import { parseReceipt } from '../parse-receipt.js';

describe('merchant', () => {
  it('skips logo scraps OCR read as words with almost no confidence, for the name below', () => {
    const record = parseReceipt([
      { text: '[yes', confidence: 0.21 },
      { text: '-  .', confidence: 0.47 },
      { text: 'Hozns', confidence: 0.23 },
      { text: 'SUNRISE REST AND SERVICE AREA', confidence: 0.74 },
      { text: 'LOT R1, KAWASAN REHAT SUNRISE,', confidence: 0.72 },
      { text: '84600 PAGOH, JOHOR', confidence: 0.66 },
      { text: 'TAX REG ID 000709361664', confidence: 0.81 },
    ]);
    expect(record.merchantName.value).toBe('SUNRISE REST AND SERVICE AREA');
  });
});
