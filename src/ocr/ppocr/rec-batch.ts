import type { Point, TextBox } from './db-postprocess.js';

/** A single-channel image, row-major, one byte a pixel. */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** The recogniser's fixed input height (PP-OCRv4 rec: 3 × 48 × W). */
export const REC_HEIGHT = 48;
/**
 * Narrower crops are padded to this width. The reference pads to 320 as in training; 160
 * measured 20% less CPU for the same character error rate (bench/RESULTS.md).
 */
const MIN_REC_WIDTH = 160;
/**
 * Cap on a crop's width: a 40:1 line is ~100 characters, wider than any receipt line; the cap
 * bounds the tensor (and memory) a pathological detection could ask for.
 */
const MAX_REC_WIDTH = REC_HEIGHT * 40;
/** A box this much taller than wide holds vertical text; it is turned to read left to right. */
const VERTICAL_RATIO = 1.5;

export interface RecBatch {
  data: Float32Array;
  dims: [number, number, number, number];
}

/** Width the crop of a box takes at the recogniser's height. */
export function recWidth(box: TextBox): number {
  const { along, across } = sides(box);
  return Math.min(
    MAX_REC_WIDTH,
    Math.max(1, Math.ceil((REC_HEIGHT * along) / Math.max(1, across))),
  );
}

/**
 * One NCHW float tensor for a batch of boxes: each box is cut out of the image along its own
 * orientation (bilinear sampling straight at the recogniser's height), normalised to
 * (x / 255 − 0.5) / 0.5, replicated over the three channels and left-aligned; the rest stays 0,
 * the reference padding.
 */
export function buildRecBatch(image: GreyImage, boxes: TextBox[]): RecBatch {
  const widths = boxes.map(recWidth);
  const batchWidth = Math.max(MIN_REC_WIDTH, ...widths);
  const plane = REC_HEIGHT * batchWidth;
  const data = new Float32Array(boxes.length * 3 * plane);
  boxes.forEach((box, n) => {
    const { origin, u, v } = frame(box);
    const width = widths[n];
    const base = n * 3 * plane;
    for (let row = 0; row < REC_HEIGHT; row++) {
      const fv = (row + 0.5) / REC_HEIGHT;
      for (let col = 0; col < width; col++) {
        const fu = (col + 0.5) / width;
        const x = origin[0] + fu * u[0] + fv * v[0];
        const y = origin[1] + fu * u[1] + fv * v[1];
        const value = sample(image, x, y) / 127.5 - 1;
        const offset = base + row * batchWidth + col;
        data[offset] = value;
        data[offset + plane] = value;
        data[offset + 2 * plane] = value;
      }
    }
  });
  return { data, dims: [boxes.length, 3, REC_HEIGHT, batchWidth] };
}

function sides(box: TextBox): { along: number; across: number } {
  const [tl, tr, br, bl] = box.points;
  const top = distance(tl, tr);
  const left = distance(tl, bl);
  const width = Math.max(top, distance(bl, br));
  const height = Math.max(left, distance(tr, br));
  return height >= VERTICAL_RATIO * width
    ? { along: height, across: width }
    : { along: width, across: height };
}

/** Where the crop starts and the vectors its width and height run along. */
function frame(box: TextBox): { origin: Point; u: Point; v: Point } {
  const [tl, tr, br, bl] = box.points;
  const width = Math.max(distance(tl, tr), distance(bl, br));
  const height = Math.max(distance(tl, bl), distance(tr, br));
  if (height >= VERTICAL_RATIO * width) {
    // Turned a quarter counter-clockwise, as the reference's np.rot90: reads down from top-right.
    return { origin: tr, u: [br[0] - tr[0], br[1] - tr[1]], v: [tl[0] - tr[0], tl[1] - tr[1]] };
  }
  return { origin: tl, u: [tr[0] - tl[0], tr[1] - tl[1]], v: [bl[0] - tl[0], bl[1] - tl[1]] };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Bilinear sample at pixel-centre coordinates, edges clamped. */
function sample(image: GreyImage, x: number, y: number): number {
  const { data, width, height } = image;
  const fx = Math.min(width - 1, Math.max(0, x - 0.5));
  const fy = Math.min(height - 1, Math.max(0, y - 0.5));
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const x1 = Math.min(width - 1, x0 + 1);
  const y1 = Math.min(height - 1, y0 + 1);
  const ax = fx - x0;
  const ay = fy - y0;
  const top = data[y0 * width + x0] * (1 - ax) + data[y0 * width + x1] * ax;
  const bottom = data[y1 * width + x0] * (1 - ax) + data[y1 * width + x1] * ax;
  return top * (1 - ay) + bottom * ay;
}
