import { describe, expect, it } from 'vitest';

import { cleanName } from './clean-name.js';

describe('cleanName', () => {
  it.each([
    ['99 SPEED MART 5/B (519537-X)', '99 SPEED MART S/B'],
    ['URBAN IDEA SDN BHD (417940-M),', 'URBAN IDEA SDN BHD'],
    ['TRENDYMAX (M) SDN. BHD.', 'TRENDYMAX (M) SDN. BHD.'],
    ['BOOK TA .K (TAMAN DAYA) SDN 8HD', 'BOOK TA .K (TAMAN DAYA) SDN BHD'],
    // A registration number in brackets, its label or digits misread, or cut off by the line.
    ['Harbour Realties Sdn Bhd (Co. Ho:20154-T)', 'Harbour Realties Sdn Bhd'],
    ['FOUR SEASONS SUN BHD (1u79J69-P)', 'FOUR SEASONS SDN BHD'],
    ['TRADING CO (12345', 'TRADING CO'],
    // A branch in brackets has no digits: it stays.
    ['CHECKERS SDN BHD (JALAN KLANG LAMA)', 'CHECKERS SDN BHD (JALAN KLANG LAMA)'],
  ])('%s → %s', (printed, name) => {
    expect(cleanName(printed)).toBe(name);
  });
});
