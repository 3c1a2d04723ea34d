import { describe, expect, it } from 'vitest';
import { sanitiseFilename } from './sanitise-filename.js';

describe('sanitiseFilename', () => {
  it.each([
    ['receipt.jpg', 'receipt.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\cmd.exe', 'cmd.exe'],
    ['/abs/path/scan.pdf', 'scan.pdf'],
    ['..', null],
    ['.hidden', 'hidden'],
    ['bad\u0000name\n.png', 'badname.png'],
    ['evil\u202egpj.exe', 'evilgpj.exe'],
    ['  spaced.jpg  ', 'spaced.jpg'],
    ['', null],
    [undefined, null],
  ])('%j → %j', (input, expected) => {
    expect(sanitiseFilename(input)).toBe(expected);
  });

  it('caps a 1000-character name at 255 and keeps the extension', () => {
    const name = sanitiseFilename(`${'a'.repeat(1000)}.jpeg`)!;
    expect(name).toHaveLength(255);
    expect(name.endsWith('.jpeg')).toBe(true);
  });
});
