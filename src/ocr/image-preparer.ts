import sharp, { type Sharp } from 'sharp';

import { AppError, ErrorCode } from '../common/errors/index.js';

export interface PreparedImage {
  /** PNG, greyscale, upright, at the OCR working size (tesseract reads encoded images). */
  data: Buffer;
  /** The same pixels, one byte each, row-major (PP-OCR reads raw pixels); when asked for. */
  pixels?: Uint8Array;
  width: number;
  height: number;
  /** Prepared-image coordinates × scale + offset = coordinates in the upright original. */
  scale: number;
  /** Where the cropped, printed area starts in the upright original. */
  offset: { x: number; y: number };
}

export interface PrepareOptions {
  maxImagePixels: number;
  /** Page of a multi-page TIFF (0-based). */
  page?: number;
  /** Also return the raw greyscale pixels. */
  pixels?: boolean;
}

/**
 * Working width range for OCR. Receipts are one narrow column of 30–50 characters, so the
 * width sets the glyph size: below ~1000 px the LSTM model starts confusing 8/B, 5/S, ./,;
 * above ~1600 px recognition gets slower with no gain (see bench/RESULTS.md).
 */
const MIN_OCR_WIDTH = 1000;
const MAX_OCR_WIDTH = 1600;

/**
 * Turns an image into what tesseract reads best: EXIF-upright, cropped to the printed area,
 * greyscale, contrast stretched, scaled into the working width range (no sharpening: on the
 * scans it added character errors, see bench/RESULTS.md). Decoding is bounded by
 * `maxImagePixels` and fails on truncated data instead of OCR-ing a half-grey image.
 *
 * @throws AppError FILE_UNREADABLE (permanent) when the image cannot be decoded.
 */
export async function prepareImage(
  input: string | Buffer,
  options: PrepareOptions,
): Promise<PreparedImage> {
  const open = () =>
    sharp(input, {
      limitInputPixels: options.maxImagePixels,
      failOn: 'truncated',
      page: options.page ?? 0,
    });
  try {
    const content = await findContent(open());
    const targetWidth = Math.min(MAX_OCR_WIDTH, Math.max(MIN_OCR_WIDTH, content.width));
    const { data: raw, info } = await open()
      .rotate()
      .extract(content)
      .grayscale()
      .resize({ width: targetWidth, kernel: targetWidth > content.width ? 'cubic' : 'lanczos3' })
      .normalize()
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const data = await sharp(raw, { raw: { width: info.width, height: info.height, channels: 1 } })
      // Fast, lightly compressed PNG: it is decoded once, in memory, by tesseract.
      .png({ compressionLevel: 1 })
      .toBuffer();
    return {
      data,
      pixels: options.pixels ? new Uint8Array(raw.buffer, raw.byteOffset, raw.length) : undefined,
      width: info.width,
      height: info.height,
      scale: content.width / info.width,
      offset: { x: content.left, y: content.top },
    };
  } catch (error) {
    throw new AppError(
      ErrorCode.FILE_UNREADABLE,
      `The image could not be decoded: ${describe(error)}.`,
      {
        permanent: true,
        cause: error,
      },
    );
  }
}

/** Width of the thumbnail on which the printed area is located. */
const PROBE_WIDTH = 400;
/** A probe pixel darker than this (after contrast stretch) is ink. */
const INK_LEVEL = 160;
/** Rows/columns are summed over this many neighbours either side, so lone specks do not count. */
const WINDOW = 5;
/** Share of the other dimension that a window must ink to be part of the printed area. */
const INK_SHARE = 0.01;
const MARGIN = 0.02;

interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The printed area of the (upright) image. Scans often show a small receipt on a large,
 * speckled page; cropping to the ink lets the receipt, not the page, be scaled to OCR size.
 * Found on a small thumbnail, where shrinking already averages scanner specks away.
 */
async function findContent(image: Sharp): Promise<Region> {
  const { data, info } = await image
    .rotate()
    .grayscale()
    .resize({ width: PROBE_WIDTH })
    .normalize()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const rows = new Array<number>(height).fill(0);
  const columns = new Array<number>(width).fill(0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] < INK_LEVEL) {
        rows[y] += 1;
        columns[x] += 1;
      }
    }
  }
  const [y0, y1] = inkedSpan(rows, INK_SHARE * width);
  const [x0, x1] = inkedSpan(columns, INK_SHARE * height);
  // Shares of the thumbnail map onto the full upright image whatever the shrink factor.
  const metadata = await image.metadata();
  const sideways = (metadata.orientation ?? 1) >= 5;
  const fullWidth = (sideways ? metadata.height : metadata.width) ?? width;
  const fullHeight = (sideways ? metadata.width : metadata.height) ?? height;
  if (x0 < 0 || y0 < 0) return { left: 0, top: 0, width: fullWidth, height: fullHeight };
  const left = Math.max(0, Math.floor((x0 / width - MARGIN) * fullWidth));
  const top = Math.max(0, Math.floor((y0 / height - MARGIN) * fullHeight));
  const right = Math.min(fullWidth, Math.ceil(((x1 + 1) / width + MARGIN) * fullWidth));
  const bottom = Math.min(fullHeight, Math.ceil(((y1 + 1) / height + MARGIN) * fullHeight));
  return { left, top, width: right - left, height: bottom - top };
}

/** First and last index whose windowed ink reaches the threshold; [-1, -1] when none does. */
function inkedSpan(counts: number[], perLine: number): [number, number] {
  const threshold = perLine * (2 * WINDOW + 1) * 0.5;
  const inked = counts.map((_, index) => {
    let sum = 0;
    for (let j = Math.max(0, index - WINDOW); j <= Math.min(counts.length - 1, index + WINDOW); j++)
      sum += counts[j];
    return sum >= threshold;
  });
  return [inked.indexOf(true), inked.lastIndexOf(true)];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0].replace(/\.$/, '') : String(error);
}
