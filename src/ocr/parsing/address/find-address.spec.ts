import { describe, expect, it } from 'vitest';

import { parseReceipt } from '../parse-receipt.js';

/** The address block: where it starts, what it leaves out, where it stops. */
describe('address', () => {
  it.each([
    {
      rule: '"P.T." (a land title) is not a phone label',
      lines: [
        '99 SPEED MART S/B',
        'LOT P.T. 2811, JALAN ANGSA,',
        '41150 KLANG, SELANGOR',
        'GST ID NO : 000181747712',
      ],
      address: 'LOT P.T. 2811, JALAN ANGSA, 41150 KLANG, SELANGOR',
    },
    {
      rule: 'numbers inside the address are not item prices',
      lines: [
        'RESTORAN MAJU',
        'NO 33, 45, JALAN TEMENGGUNG 3/9,',
        '43200 CHERAS, SELANGOR',
        'TEL: 03-1234 5678',
      ],
      address: 'NO 33, 45, JALAN TEMENGGUNG 3/9, 43200 CHERAS, SELANGOR',
    },
    {
      rule: 'a speck read as a lone lower-case letter is dropped',
      lines: [
        'KEDAI MAJU SDN BHD',
        'i NO. 5, JALAN BESAR,',
        '45600 BATANG BERJUNTAI',
        'TEL: 03-1234 5678',
      ],
      address: 'NO. 5, JALAN BESAR, 45600 BATANG BERJUNTAI',
    },
    {
      rule: 'the first priced item ends the address',
      lines: ['Bäckerei Huber', 'Lindenweg 3', '80331 München', 'Brezel  0,95 A'],
      address: 'Lindenweg 3 80331 München',
    },
  ])('$rule', ({ lines, address }) => {
    expect(parseReceipt(lines).address.value).toBe(address);
  });
});
