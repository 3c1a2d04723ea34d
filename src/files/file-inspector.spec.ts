import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { AppError, ErrorCode } from '../common/errors/index.js';
import { detectFromHeadBytes, DETECTION_HEAD_BYTES, inspectFile } from './file-inspector.js';

const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures');
const options = { maxImagePixels: 40_000_000, maxPdfPages: 10 };

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('inspectFile', () => {
  it.each([
    [
      'receipts/us-diner.png',
      { mimeType: 'image/png', kind: 'image', width: 606, height: 721, pages: 1 },
    ],
    ['receipts/uk-cafe.jpg', { mimeType: 'image/jpeg', kind: 'image', pages: 1 }],
    ['pdf/text-layer.pdf', { mimeType: 'application/pdf', kind: 'pdf', pages: 1 }],
    ['pdf/two-page-mixed.pdf', { mimeType: 'application/pdf', kind: 'pdf', pages: 2 }],
    // Decoding would fail, but the header is whole: the worker reports it, not the upload.
    ['bad/truncated-body.jpg', { mimeType: 'image/jpeg', kind: 'image', pages: 1 }],
  ])('accepts %s', async (file, expected) => {
    await expect(inspectFile(join(fixtures, file), options)).resolves.toMatchObject(expected);
  });

  it.each([
    ['bad/exe-renamed.jpg', ErrorCode.UNSUPPORTED_MEDIA_TYPE],
    ['bad/image.svg', ErrorCode.UNSUPPORTED_MEDIA_TYPE],
    ['bad/page.html', ErrorCode.UNSUPPORTED_MEDIA_TYPE],
    ['bad/empty.jpg', ErrorCode.EMPTY_FILE],
    ['bad/truncated-header.jpg', ErrorCode.FILE_UNREADABLE],
    ['bad/pixel-bomb.png', ErrorCode.IMAGE_TOO_LARGE],
    ['bad/encrypted.pdf', ErrorCode.PDF_ENCRYPTED],
    ['bad/broken.pdf', ErrorCode.FILE_UNREADABLE],
  ])('refuses %s with %s, permanently', async (file, code) => {
    const error = await failure(inspectFile(join(fixtures, file), options));
    expect(error.code).toBe(code);
    expect(error.permanent).toBe(true);
  });

  it('reports the declared size of a pixel bomb without decoding it', async () => {
    const error = await failure(inspectFile(join(fixtures, 'bad/pixel-bomb.png'), options));
    expect(error.details).toEqual({ width: 20000, height: 20000, maxImagePixels: 40_000_000 });
  });

  it('refuses a PDF with more pages than allowed', async () => {
    const error = await failure(
      inspectFile(join(fixtures, 'pdf/two-page-mixed.pdf'), { ...options, maxPdfPages: 1 }),
    );
    expect(error.code).toBe(ErrorCode.TOO_MANY_PAGES);
    expect(error.details).toEqual({ pages: 2, maxPdfPages: 1 });
  });

  it('applies the pixel limit to ordinary images too', async () => {
    const error = await failure(
      inspectFile(join(fixtures, 'receipts/us-diner.png'), { ...options, maxImagePixels: 1000 }),
    );
    expect(error.code).toBe(ErrorCode.IMAGE_TOO_LARGE);
  });
});

describe('detectFromHeadBytes', () => {
  it('recognises a type from the first chunk of a stream', async () => {
    const head = (await readFile(join(fixtures, 'receipts/uk-cafe.jpg'))).subarray(
      0,
      DETECTION_HEAD_BYTES,
    );
    await expect(detectFromHeadBytes(head)).resolves.toEqual({
      mimeType: 'image/jpeg',
      kind: 'image',
      extension: 'jpg',
    });
    const pdf = (await readFile(join(fixtures, 'pdf/text-layer.pdf'))).subarray(0, 16);
    await expect(detectFromHeadBytes(pdf)).resolves.toMatchObject({
      mimeType: 'application/pdf',
      kind: 'pdf',
    });
  });

  it('refuses an empty chunk and an executable', async () => {
    expect((await failure(detectFromHeadBytes(new Uint8Array()))).code).toBe(ErrorCode.EMPTY_FILE);
    const exe = await readFile(join(fixtures, 'bad/exe-renamed.jpg'));
    const error = await failure(detectFromHeadBytes(exe));
    expect(error.code).toBe(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    expect(error.details).toEqual({ detected: 'application/x-msdownload' });
  });
});
