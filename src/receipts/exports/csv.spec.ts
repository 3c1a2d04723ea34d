import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.js';

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+44 20 7946', "'+44 20 7946"],
    ['-cmd|calc', "'-cmd|calc"],
    ['@import', "'@import"],
    ['\tTAB', "'\tTAB"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['-1.77', '-1.77'],
    ['12.50', '12.50'],
    ['Café Zürich ☕', 'Café Zürich ☕'],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes empty cells for null, ISO for dates, CRLF row ends', () => {
    expect(csvRow([null, undefined, 3, new Date('2024-01-02T03:04:05Z')])).toBe(
      ',,3,2024-01-02T03:04:05.000Z\r\n',
    );
  });
});
