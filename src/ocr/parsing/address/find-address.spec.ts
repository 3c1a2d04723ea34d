import { describe, expect, it } from 'vitest';

import { parseReceipt } from '../parse-receipt.js';
import type { ParserLine } from '../receipt-record.js';

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
    {
      rule: 'a garbled date and a registration number before the street are skipped',
      lines: [
        'KEDAI RUNCIT MAJU SDN BHD',
        '29 Mar 20158 33:19',
        '(867388-U)',
        '12, Jalan Tampoi 7/4, Kawasan Perindustrian',
        'Tampoi, 81200 Johor Bahru, Johor',
        'TAX INVOICE',
      ],
      address: '12, Jalan Tampoi 7/4, Kawasan Perindustrian Tampoi, 81200 Johor Bahru, Johor',
    },
    {
      rule: 'below the city only region lines follow; a speck read as a word does not',
      lines: [
        'YONG ENTERPRISE',
        '8, JALAN SUBANG JASA 3,',
        '40150 SHAH ALAM,',
        'SELANGOR DARUL EHSAN',
        { text: 'Cioran', confidence: 0.27 },
        'NO: 001147031324',
      ],
      address: '8, JALAN SUBANG JASA 3, 40150 SHAH ALAM, SELANGOR DARUL EHSAN',
    },
    {
      rule: 'a labelled line below the city ("Site: 2591") is not part of the address',
      lines: [
        'PETROKIOSK MAJU',
        'Lot PTD 198718 Tmn Sierra P',
        '81750 Masai Johor',
        'Site: 2591',
        'Telephone: 0730006180',
      ],
      address: 'Lot PTD 198718 Tmn Sierra P 81750 Masai Johor',
    },
    {
      rule: 'a US city line ends the address (state and ZIP last)',
      lines: [
        "JOE'S DINER",
        '123 MAIN ST',
        'SPRINGFIELD, IL 62704',
        { text: 'lrt', confidence: 0.2 },
        'SERVER: ANNA',
      ],
      address: '123 MAIN ST SPRINGFIELD, IL 62704',
    },
    {
      rule: 'a house number and a comma start the street even when its word is misread',
      lines: [
        'KILANG ROTI MAJU',
        '3, Julan Pelabur',
        '40300 Shah Alam, Selangor.',
        'Tel: 03-5542 3228',
      ],
      address: '3, Julan Pelabur 40300 Shah Alam, Selangor.',
    },
    {
      rule: 'French road words mark an address line above the postcode',
      lines: [
        'RELAIS DU LAC',
        'AUTOROUTE A6 AIRE DE BEAUNE',
        '21200 BEAUNE',
        'Tel. : 03 80 22 11 11',
      ],
      address: 'AUTOROUTE A6 AIRE DE BEAUNE 21200 BEAUNE',
    },
  ] satisfies Array<{ rule: string; lines: Array<string | ParserLine>; address: string }>)(
    '$rule',
    ({ lines, address }) => {
      expect(parseReceipt(lines).address.value).toBe(address);
    },
  );

  it('"NO," with a comma starts a street line, so the state below it is not the merchant', () => {
    const record = parseReceipt([
      'I',
      '(001451637-M)',
      'NO, 53, JALAN BESAR, 45600 BATANG BERJUNTAI',
      'SELANGOR DARUL EHSAN',
      'TEL: 03-3271 9872',
    ]);
    expect(record.address.value).toBe(
      'NO, 53, JALAN BESAR, 45600 BATANG BERJUNTAI SELANGOR DARUL EHSAN',
    );
    expect(record.merchantName.value).toBeNull();
  });
});
