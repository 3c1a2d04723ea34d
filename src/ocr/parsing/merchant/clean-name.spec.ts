import { describe, expect, it } from 'vitest';

import { cleanName } from './clean-name.js';

describe('cleanName', () => {
  it.each([
    ['99 SPEED MART 5/B (519537-X)', '99 SPEED MART S/B'],
    ['URBAN IDEA SDN BHD (417940-M),', 'URBAN IDEA SDN BHD'],
    ['TRENDYMAX (M) SDN. BHD.', 'TRENDYMAX (M) SDN. BHD.'],
    ['BOOK TA .K (TAMAN DAYA) SDN 8HD', 'BOOK TA .K (TAMAN DAYA) SDN BHD'],
  ])('%s → %s', (printed, name) => {
    expect(cleanName(printed)).toBe(name);
  });
});
