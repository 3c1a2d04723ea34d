/**
 * Generates the synthetic test fixtures under test/fixtures/ (receipts with known truth, PDFs,
 * and the bad inputs the upload tests need). Deterministic: running it again rewrites the
 * same files. Run with `node bench/generate-fixtures.ts` (Node 24 strips the types).
 *
 * The receipts are rendered as text with a monospace font, the way thermal printers print,
 * in formats the SROIE set lacks: US ($, MM/DD/YYYY, tip), euro (1.234,56 €, DD.MM.YYYY,
 * discount), UK (£, ambiguous DD/MM date, discount, VAT included).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import sharp from 'sharp';

/** The repository's test/fixtures, whether this runs from bench/ or compiled from dist/bench/. */
function fixturesRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return join(dir, 'test', 'fixtures');
}

const root = fixturesRoot();
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';

/** A printed line: centred text, or a label on the left with an amount flush right. */
type Line = { center: string } | { left: string; right?: string };

interface ReceiptSpec {
  name: string;
  format: 'png' | 'jpg';
  /** Degrees of skew and a grey paper tone, to look like a phone photo rather than a scan. */
  photo?: { angle: number };
  lines: Line[];
  expected: Record<string, unknown>;
}

const COLUMNS = 38;

const RECEIPTS: ReceiptSpec[] = [
  {
    name: 'us-diner',
    format: 'png',
    lines: [
      { center: "JOE'S DINER" },
      { center: '1458 MAIN STREET' },
      { center: 'SPRINGFIELD, IL 62701' },
      { center: 'TEL (217) 555-0134' },
      { left: '' },
      { left: '03/14/2024', right: '12:45 PM' },
      { left: 'CHECK #4821', right: 'SERVER: ANA' },
      { left: '' },
      { left: '2 COFFEE @ 2.50', right: '5.00' },
      { left: 'CHEESEBURGER', right: '12.95' },
      { left: 'CAESAR SALAD', right: '9.50' },
      { left: '' },
      { left: 'SUBTOTAL', right: '27.45' },
      { left: 'SALES TAX 8.25%', right: '2.26' },
      { left: 'TIP', right: '4.00' },
      { left: 'TOTAL', right: '$33.71' },
      { left: '' },
      { left: 'VISA ************1234', right: '$33.71' },
      { center: 'THANK YOU! COME AGAIN' },
    ],
    expected: {
      merchantName: "JOE'S DINER",
      address: '1458 MAIN STREET SPRINGFIELD, IL 62701',
      phone: '(217) 555-0134',
      receiptNumber: '4821',
      date: '2024-03-14',
      time: '12:45',
      currency: 'USD',
      subtotal: '27.45',
      taxTotal: '2.26',
      tip: '4.00',
      total: '33.71',
      paymentMethod: 'card',
      cardLast4: '1234',
      lineItems: [
        { description: 'COFFEE', quantity: '2', unitPrice: '2.50', amount: '5.00' },
        { description: 'CHEESEBURGER', quantity: '1', unitPrice: '12.95', amount: '12.95' },
        { description: 'CAESAR SALAD', quantity: '1', unitPrice: '9.50', amount: '9.50' },
      ],
      checks: { itemsMatchSubtotal: true, totalsAdd: true },
    },
  },
  {
    name: 'de-elektro',
    format: 'png',
    lines: [
      { center: 'ELEKTRO MARKT KOELN GMBH' },
      { center: 'HOHE STRASSE 52' },
      { center: '50667 KOELN' },
      { center: 'TEL. 0221 123456' },
      { center: 'USt-IdNr. DE123456789' },
      { left: '' },
      { left: 'BON-NR. 0815', right: '14.03.2024 16:32' },
      { left: '' },
      { left: 'NOTEBOOK PRO 15', right: '1.199,00 €' },
      { left: 'USB-C KABEL 2 x 12,99', right: '25,98 €' },
      { left: 'RABATT', right: '-10,00 €' },
      { left: '' },
      { left: 'SUMME EUR', right: '1.214,98 €' },
      { left: 'MwSt 19% (enthalten)', right: '193,99 €' },
      { left: 'GEGEBEN KARTE', right: '1.214,98 €' },
      { center: 'VIELEN DANK' },
    ],
    expected: {
      merchantName: 'ELEKTRO MARKT KOELN GMBH',
      address: 'HOHE STRASSE 52 50667 KOELN',
      phone: '0221 123456',
      taxId: 'DE123456789',
      receiptNumber: '0815',
      date: '2024-03-14',
      time: '16:32',
      currency: 'EUR',
      taxTotal: '193.99',
      discount: '10.00',
      total: '1214.98',
      paymentMethod: 'card',
      lineItems: [
        { description: 'NOTEBOOK PRO 15', quantity: '1', unitPrice: '1199.00', amount: '1199.00' },
        { description: 'USB-C KABEL', quantity: '2', unitPrice: '12.99', amount: '25.98' },
      ],
      checks: { totalsAdd: true },
    },
  },
  {
    name: 'uk-cafe',
    format: 'jpg',
    photo: { angle: 0.8 },
    lines: [
      { center: 'THE COPPER KETTLE CAFE' },
      { center: '12 HIGH STREET' },
      { center: 'OXFORD OX1 4AB' },
      { center: 'Tel: 01865 555123' },
      { center: 'VAT No: GB 123 4567 89' },
      { left: '' },
      { left: 'Date: 05/03/2024', right: 'Time: 09:17' },
      { left: 'Receipt: 000342' },
      { left: '' },
      { left: 'FLAT WHITE', right: '£3.20' },
      { left: 'ALMOND CROISSANT', right: '£2.95' },
      { left: 'FULL ENGLISH', right: '£11.50' },
      { left: '' },
      { left: 'SUBTOTAL', right: '£17.65' },
      { left: 'STAFF DISCOUNT 10%', right: '-£1.77' },
      { left: 'TOTAL', right: '£15.88' },
      { left: 'VAT 20% INCLUDED', right: '£2.65' },
      { left: 'CARD PAYMENT', right: '£15.88' },
      { left: 'MASTERCARD **** 9876' },
    ],
    expected: {
      merchantName: 'THE COPPER KETTLE CAFE',
      address: '12 HIGH STREET OXFORD OX1 4AB',
      phone: '01865 555123',
      taxId: 'GB 123 4567 89',
      receiptNumber: '000342',
      date: '2024-03-05',
      time: '09:17',
      currency: 'GBP',
      subtotal: '17.65',
      taxTotal: '2.65',
      discount: '1.77',
      total: '15.88',
      paymentMethod: 'card',
      cardLast4: '9876',
      lineItems: [
        { description: 'FLAT WHITE', quantity: '1', unitPrice: '3.20', amount: '3.20' },
        { description: 'ALMOND CROISSANT', quantity: '1', unitPrice: '2.95', amount: '2.95' },
        { description: 'FULL ENGLISH', quantity: '1', unitPrice: '11.50', amount: '11.50' },
      ],
      checks: { itemsMatchSubtotal: true, totalsAdd: true },
    },
  },
];

/** The text-layer PDF: a US invoice-style receipt with a thousands separator and a month name. */
const PDF_RECEIPT: ReceiptSpec = {
  name: 'text-layer',
  format: 'png',
  lines: [
    { center: 'HARDWARE DEPOT INC' },
    { center: '77 INDUSTRIAL PKWY' },
    { center: 'AUSTIN, TX 78701' },
    { center: 'PHONE 512-555-0199' },
    { left: '' },
    { left: 'Mar 7, 2024', right: '15:04:09' },
    { left: 'INVOICE NO: HD-20931' },
    { left: '' },
    { left: 'CORDLESS DRILL KIT', right: '899.00' },
    { left: '3 x SAW BLADE 12.50', right: '37.50' },
    { left: 'SUBTOTAL', right: '936.50' },
    { left: 'TAX 8.25%', right: '77.26' },
    { left: 'TOTAL', right: '$1,013.76' },
    { left: 'CASH', right: '$1,020.00' },
    { left: 'CHANGE', right: '$6.24' },
  ],
  expected: {
    merchantName: 'HARDWARE DEPOT INC',
    address: '77 INDUSTRIAL PKWY AUSTIN, TX 78701',
    phone: '512-555-0199',
    receiptNumber: 'HD-20931',
    date: '2024-03-07',
    time: '15:04:09',
    currency: 'USD',
    subtotal: '936.50',
    taxTotal: '77.26',
    total: '1013.76',
    paymentMethod: 'cash',
    checks: { itemsMatchSubtotal: true, totalsAdd: true },
  },
};

function layout(line: Line): string {
  if ('center' in line) {
    const pad = Math.max(0, Math.floor((COLUMNS - line.center.length) / 2));
    return ' '.repeat(pad) + line.center;
  }
  if (!line.right) return line.left;
  const gap = Math.max(2, COLUMNS - line.left.length - line.right.length);
  return line.left + ' '.repeat(gap) + line.right;
}

async function renderReceipt(spec: ReceiptSpec): Promise<Buffer> {
  GlobalFonts.registerFromPath(FONT, 'FixtureMono');
  const fontSize = 24;
  const charWidth = fontSize * 0.602;
  const lineHeight = Math.round(fontSize * 1.45);
  const margin = 28;
  const width = Math.ceil(COLUMNS * charWidth + margin * 2);
  const height = spec.lines.length * lineHeight + margin * 2;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111111';
  ctx.font = `${fontSize}px FixtureMono`;
  ctx.textBaseline = 'top';
  spec.lines.forEach((line, index) =>
    ctx.fillText(layout(line), margin, margin + index * lineHeight),
  );
  const png = await canvas.encode('png');
  if (!spec.photo) {
    return sharp(png).grayscale().png({ palette: true, colours: 16 }).toBuffer();
  }
  // A skewed, slightly blurred, grey-toned copy: what a phone photo of a receipt looks like.
  return sharp(png)
    .rotate(spec.photo.angle, { background: '#ffffff' })
    .blur(0.6)
    .linear(0.78, 30)
    .grayscale()
    .jpeg({ quality: 72 })
    .toBuffer();
}

// ---------------------------------------------------------------------------------------------
// A minimal PDF writer: enough for one- or two-page receipts, a text layer in Courier, an
// embedded JPEG, and the RC4 "standard security handler" for the encrypted fixture.

interface PdfPage {
  width: number;
  height: number;
  content: string;
  image?: { jpeg: Buffer; width: number; height: number };
}

const PASSWORD_PAD = Buffer.from(
  '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a',
  'hex',
);

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let n = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const md5 = (...parts: Buffer[]): Buffer => createHash('md5').update(Buffer.concat(parts)).digest();

function buildPdf(pages: PdfPage[], userPassword?: string): Buffer {
  const objects: Buffer[] = [];
  const fileId = md5(Buffer.from(JSON.stringify(pages.map((p) => p.content))));
  let fileKey: Buffer | undefined;
  let encryptDict = '';
  if (userPassword !== undefined) {
    // Revision 2, 40-bit RC4 (PDF 1.4 spec, algorithms 3.2-3.4), owner password = user password.
    const padded = Buffer.concat([Buffer.from(userPassword, 'latin1'), PASSWORD_PAD]).subarray(
      0,
      32,
    );
    const ownerValue = rc4(md5(padded).subarray(0, 5), padded);
    const permissions = Buffer.alloc(4);
    permissions.writeInt32LE(-4);
    fileKey = md5(padded, ownerValue, permissions, fileId).subarray(0, 5);
    const userValue = rc4(fileKey, PASSWORD_PAD);
    encryptDict = `<< /Filter /Standard /V 1 /R 2 /O <${ownerValue.toString('hex')}> /U <${userValue.toString('hex')}> /P -4 >>`;
  }
  const streamObject = (number: number, dict: string, data: Buffer): Buffer => {
    let bytes = data;
    if (fileKey) {
      const objectKey = md5(
        fileKey,
        Buffer.from([number & 255, (number >> 8) & 255, number >> 16, 0, 0]),
      );
      bytes = rc4(objectKey.subarray(0, Math.min(16, fileKey.length + 5)), data);
    }
    return Buffer.concat([
      Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`),
      bytes,
      Buffer.from('\nendstream'),
    ]);
  };

  // Object numbers: 1 catalog, 2 pages, 3 font, then per page: page, contents, [image].
  const pageRefs: string[] = [];
  const pageObjects: Buffer[] = [];
  let next = 4;
  for (const page of pages) {
    const pageNumber = next++;
    const contentNumber = next++;
    const imageNumber = page.image ? next++ : undefined;
    pageRefs.push(`${pageNumber} 0 R`);
    const xobject = imageNumber ? ` /XObject << /Im0 ${imageNumber} 0 R >>` : '';
    pageObjects[pageNumber] = Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] /Resources << /Font << /F1 3 0 R >>${xobject} >> /Contents ${contentNumber} 0 R >>`,
    );
    pageObjects[contentNumber] = streamObject(
      contentNumber,
      '',
      Buffer.from(page.content, 'latin1'),
    );
    if (page.image && imageNumber) {
      pageObjects[imageNumber] = streamObject(
        imageNumber,
        `/Type /XObject /Subtype /Image /Width ${page.image.width} /Height ${page.image.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode`,
        page.image.jpeg,
      );
    }
  }
  objects[1] = Buffer.from('<< /Type /Catalog /Pages 2 0 R >>');
  objects[2] = Buffer.from(
    `<< /Type /Pages /Kids [${pageRefs.join(' ')}] /Count ${pages.length} >>`,
  );
  objects[3] = Buffer.from(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>',
  );
  pageObjects.forEach((object, number) => (objects[number] = object));
  let encryptNumber: number | undefined;
  if (encryptDict) {
    encryptNumber = next;
    objects[encryptNumber] = Buffer.from(encryptDict);
  }

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  for (let number = 1; number < objects.length; number++) {
    offsets[number] = offset;
    const chunk = Buffer.concat([
      Buffer.from(`${number} 0 obj\n`),
      objects[number],
      Buffer.from('\nendobj\n'),
    ]);
    chunks.push(chunk);
    offset += chunk.length;
  }
  const xref = [`xref\n0 ${objects.length}\n`, '0000000000 65535 f \n'];
  for (let number = 1; number < objects.length; number++) {
    xref.push(`${String(offsets[number]).padStart(10, '0')} 00000 n \n`);
  }
  const encryptRef = encryptNumber ? ` /Encrypt ${encryptNumber} 0 R` : '';
  xref.push(
    `trailer\n<< /Size ${objects.length} /Root 1 0 R${encryptRef} /ID [<${fileId.toString('hex')}> <${fileId.toString('hex')}>] >>\nstartxref\n${offset}\n%%EOF\n`,
  );
  chunks.push(Buffer.from(xref.join('')));
  return Buffer.concat(chunks);
}

/** A page whose receipt text is a real text layer (Courier, 10 pt, amounts flush right). */
function textPage(spec: ReceiptSpec): PdfPage {
  const size = 10;
  const leading = 14;
  const margin = 24;
  const width = Math.ceil(COLUMNS * size * 0.6 + margin * 2);
  const height = spec.lines.length * leading + margin * 2;
  const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
  const ops = spec.lines
    .map((line, index) => {
      const text = layout(line);
      if (!text.trim()) return '';
      const y = height - margin - (index + 1) * leading;
      // Label and amount are separate text runs, as receipt printers' PDF drivers emit them.
      if ('left' in line && line.right) {
        const rightX = margin + (COLUMNS - line.right.length) * size * 0.6;
        return `BT /F1 ${size} Tf ${margin} ${y} Td (${escape(line.left)}) Tj ET\nBT /F1 ${size} Tf ${rightX.toFixed(1)} ${y} Td (${escape(line.right)}) Tj ET`;
      }
      return `BT /F1 ${size} Tf ${margin} ${y} Td (${escape(text)}) Tj ET`;
    })
    .filter(Boolean)
    .join('\n');
  return { width, height, content: ops };
}

async function imagePage(image: Buffer): Promise<PdfPage> {
  const jpeg = await sharp(image).grayscale().jpeg({ quality: 80 }).toBuffer();
  const { width = 0, height = 0 } = await sharp(jpeg).metadata();
  // 150 dpi: the page is the image at its natural print size.
  const pageWidth = Math.round((width * 72) / 150);
  const pageHeight = Math.round((height * 72) / 150);
  return {
    width: pageWidth,
    height: pageHeight,
    content: `q ${pageWidth} 0 0 ${pageHeight} 0 0 cm /Im0 Do Q`,
    image: { jpeg, width, height },
  };
}

// ---------------------------------------------------------------------------------------------
// Bad inputs.

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG header declaring 20000×20000 greyscale pixels, with one short row of data. */
function pixelBombPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(20000, 0);
  header.writeUInt32BE(20000, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(20001))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of a Windows executable: DOS stub header, "MZ" magic and a PE signature. */
function fakeExe(): Buffer {
  const exe = Buffer.alloc(512);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('This program cannot be run in DOS mode.\r\r\n$', 0x4e, 'latin1');
  exe.write('PE\0\0', 0x80, 'latin1');
  return exe;
}

async function write(relative: string, data: Buffer | string): Promise<void> {
  const path = join(root, relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  console.log(`${relative} (${Buffer.byteLength(data)} bytes)`);
}

async function main(): Promise<void> {
  const rendered = new Map<string, Buffer>();
  for (const spec of RECEIPTS) {
    const image = await renderReceipt(spec);
    rendered.set(spec.name, image);
    await write(`receipts/${spec.name}.${spec.format}`, image);
    await write(`receipts/${spec.name}.txt`, spec.lines.map(layout).join('\n') + '\n');
    await write(
      `receipts/${spec.name}.expected.json`,
      JSON.stringify(spec.expected, null, 2) + '\n',
    );
  }

  const usDiner = RECEIPTS[0];
  await write('pdf/text-layer.pdf', buildPdf([textPage(PDF_RECEIPT)]));
  await write('pdf/text-layer.expected.json', JSON.stringify(PDF_RECEIPT.expected, null, 2) + '\n');
  await write(
    'pdf/image-only.pdf',
    buildPdf([await imagePage(rendered.get(usDiner.name) as Buffer)]),
  );
  await write('pdf/image-only.expected.json', JSON.stringify(usDiner.expected, null, 2) + '\n');
  // Page 1 has a text layer, page 2 is a scan of its continuation: one receipt, two engines.
  const head: ReceiptSpec = { ...PDF_RECEIPT, lines: PDF_RECEIPT.lines.slice(0, 10) };
  const tail: ReceiptSpec = {
    ...PDF_RECEIPT,
    name: 'two-page-tail',
    lines: PDF_RECEIPT.lines.slice(10),
  };
  await write(
    'pdf/two-page-mixed.pdf',
    buildPdf([textPage(head), await imagePage(await renderReceipt(tail))]),
  );
  await write(
    'pdf/two-page-mixed.expected.json',
    JSON.stringify(PDF_RECEIPT.expected, null, 2) + '\n',
  );

  const ukJpeg = rendered.get('uk-cafe') as Buffer;
  await write('bad/exe-renamed.jpg', fakeExe());
  await write(
    'bad/image.svg',
    '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="4" y="24">TOTAL 9.00</text></svg>\n',
  );
  await write(
    'bad/page.html',
    '<!DOCTYPE html>\n<html><head><title>Receipt</title></head><body><p>TOTAL 9.00</p></body></html>\n',
  );
  await write('bad/empty.jpg', Buffer.alloc(0));
  // Cut inside the header: SOI and the first segments survive, the frame header does not.
  await write('bad/truncated-header.jpg', ukJpeg.subarray(0, 120));
  // Header intact, entropy-coded data cut in half: passes inspection, fails decoding.
  await write('bad/truncated-body.jpg', ukJpeg.subarray(0, Math.floor(ukJpeg.length / 2)));
  await write('bad/encrypted.pdf', buildPdf([textPage(PDF_RECEIPT)], 'secret'));
  await write(
    'bad/broken.pdf',
    Buffer.from(
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\n%%EOF garbage \x00\x01\x02',
      'latin1',
    ),
  );
  await write('bad/pixel-bomb.png', pixelBombPng());
}

await main();
