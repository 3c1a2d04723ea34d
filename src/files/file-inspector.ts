import { open, readFile, stat } from 'node:fs/promises';

import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';

import { AppError, ErrorCode } from '../common/errors/index.js';

/**
 * Decides what an uploaded file really is, from its bytes, and refuses what the worker could
 * not (or must not) process. Runs in the API process, so it reads headers only: it never
 * decodes pixels and never loads tesseract.js.
 */

export type SupportedMimeType =
  'image/jpeg' | 'image/png' | 'image/webp' | 'image/tiff' | 'application/pdf';

export type FileKind = 'image' | 'pdf';

export interface DetectedType {
  mimeType: SupportedMimeType;
  kind: FileKind;
  /** The usual extension, without a dot, for naming stored files. */
  extension: string;
}

export interface FileInspection {
  mimeType: SupportedMimeType;
  kind: FileKind;
  /** Pixel size as stored (before EXIF rotation); absent for PDFs. */
  width?: number;
  height?: number;
  /** PDF pages, TIFF pages, or 1 for other images. */
  pages: number;
}

export interface FileInspectorOptions {
  /** Images whose header declares more pixels than this are refused before any decoding. */
  maxImagePixels: number;
  maxPdfPages: number;
}

/**
 * How many leading bytes `detectFromHeadBytes` needs to see. Every supported type is
 * recognisable well within this (file-type's own "reasonable detection size").
 */
export const DETECTION_HEAD_BYTES = 4100;

const SUPPORTED: Record<string, DetectedType> = {
  'image/jpeg': { mimeType: 'image/jpeg', kind: 'image', extension: 'jpg' },
  'image/png': { mimeType: 'image/png', kind: 'image', extension: 'png' },
  'image/webp': { mimeType: 'image/webp', kind: 'image', extension: 'webp' },
  'image/tiff': { mimeType: 'image/tiff', kind: 'image', extension: 'tiff' },
  'application/pdf': { mimeType: 'application/pdf', kind: 'pdf', extension: 'pdf' },
};

// HEIC is deliberately absent: the prebuilt libvips that ships with sharp decodes AVIF but
// not HEVC-coded HEIF (patent-encumbered), so an accepted HEIC upload would only fail later
// in the worker. Refusing it at upload is the honest answer.

/**
 * Classifies a file from its first bytes (at least `DETECTION_HEAD_BYTES`, or the whole file
 * if shorter), so an upload can be refused while it is still streaming. The client's
 * filename and Content-Type are never consulted.
 *
 * @throws AppError EMPTY_FILE for zero bytes, UNSUPPORTED_MEDIA_TYPE for anything else not
 *   supported (both permanent).
 */
export async function detectFromHeadBytes(head: Uint8Array): Promise<DetectedType> {
  if (head.byteLength === 0) {
    throw new AppError(ErrorCode.EMPTY_FILE, 'The file is empty.', { permanent: true });
  }
  const detected = await fileTypeFromBuffer(head);
  const supported = detected ? SUPPORTED[detected.mime] : undefined;
  if (!supported) {
    throw new AppError(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      'Unsupported file type: upload a JPEG, PNG, WebP or TIFF image, or a PDF.',
      { permanent: true, details: { detected: detected?.mime ?? null } },
    );
  }
  return { ...supported };
}

/**
 * Inspects a complete file on disk: its real type (unless `detected` already says it, from
 * `detectFromHeadBytes` on the same file's first bytes), and the limits that protect the
 * worker (pixel count read from the image header, PDF page count, PDF encryption).
 *
 * @throws AppError (always permanent) EMPTY_FILE, UNSUPPORTED_MEDIA_TYPE, IMAGE_TOO_LARGE,
 *   TOO_MANY_PAGES, PDF_ENCRYPTED or FILE_UNREADABLE.
 */
export async function inspectFile(
  path: string,
  options: FileInspectorOptions,
  detected?: DetectedType,
): Promise<FileInspection> {
  // An upload's type was decided from the same bytes while it streamed in (InspectingStream):
  // reading and classifying its head again would cost four file system calls for nothing.
  const type = detected ?? (await detectFromHeadBytes(await readHead(path)));
  return type.kind === 'pdf'
    ? inspectPdf(path, options)
    : inspectImage(path, type.mimeType, options);
}

async function readHead(path: string): Promise<Uint8Array> {
  const size = (await stat(path)).size;
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(size, DETECTION_HEAD_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function inspectImage(
  path: string,
  mimeType: SupportedMimeType,
  options: FileInspectorOptions,
): Promise<FileInspection> {
  let metadata: Metadata;
  try {
    // metadata() parses the header only; the pixel limit is ours to check, below, because
    // libvips would only enforce limitInputPixels once decoding starts.
    metadata = await sharp(path, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw unreadable('The image header could not be read (corrupt or truncated file).', error);
  }
  const { width, height } = metadata;
  if (!width || !height) {
    throw unreadable('The image header declares no size.');
  }
  if (width * height > options.maxImagePixels) {
    throw new AppError(
      ErrorCode.IMAGE_TOO_LARGE,
      `The image is ${width}×${height} pixels; the limit is ${options.maxImagePixels} pixels.`,
      { permanent: true, details: { width, height, maxImagePixels: options.maxImagePixels } },
    );
  }
  const pages = metadata.pages ?? 1;
  if (pages > options.maxPdfPages) {
    throw tooManyPages(pages, options.maxPdfPages);
  }
  return { mimeType, kind: 'image', width, height, pages };
}

async function inspectPdf(path: string, options: FileInspectorOptions): Promise<FileInspection> {
  // Loaded on demand: pdf.js is large and pulls in its canvas polyfills, which an API that
  // only ever sees images should not pay for.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(await readFile(path)),
    // pdf.js 6 has no eval code path left (the CVE-2024-4367 class of bug); these keep it from
    // touching the network or the system's fonts while it parses an untrusted file.
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise;
    const pages = document.numPages;
    if (pages < 1) {
      throw unreadable('The PDF has no pages.');
    }
    if (pages > options.maxPdfPages) {
      throw tooManyPages(pages, options.maxPdfPages);
    }
    return { mimeType: 'application/pdf', kind: 'pdf', pages };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new AppError(ErrorCode.PDF_ENCRYPTED, 'The PDF is password-protected.', {
        permanent: true,
        cause: error,
      });
    }
    throw unreadable('The PDF could not be read (corrupt or not a PDF).', error);
  } finally {
    await task.destroy();
  }
}

function unreadable(message: string, cause?: unknown): AppError {
  return new AppError(ErrorCode.FILE_UNREADABLE, message, { permanent: true, cause });
}

function tooManyPages(pages: number, maxPdfPages: number): AppError {
  return new AppError(
    ErrorCode.TOO_MANY_PAGES,
    `The file has ${pages} pages; the limit is ${maxPdfPages}.`,
    {
      permanent: true,
      details: { pages, maxPdfPages },
    },
  );
}
