/**
 * DB (differentiable binarisation) post-processing: the detector's per-pixel text probability
 * map → one rotated rectangle per text region. Follows the PaddleOCR reference
 * (`DBPostProcess`: threshold, region score, unclip, minimum size) with connected components
 * instead of OpenCV contours; the boxes a region yields are the same for the convex regions DB
 * produces.
 */

export type Point = [number, number];

/** A text region: four corners clockwise from the top-left, in probability-map pixels. */
export interface TextBox {
  points: [Point, Point, Point, Point];
  /** Mean probability inside the region's rectangle, 0..1. */
  score: number;
}

export interface DbOptions {
  /** A pixel above this probability is text (reference `thresh`). */
  threshold: number;
  /** A region whose mean probability is below this is dropped (reference `box_thresh`). */
  boxThreshold: number;
  /** The shrunk region the model predicts is grown back by area × ratio / perimeter. */
  unclipRatio: number;
  /** Regions considered at most; bounds the work on a page of noise. */
  maxCandidates: number;
  /** Shorter side below this (pixels) before unclipping: a speck, not text. */
  minSize: number;
}

/** PaddleOCR's PP-OCRv4 detection defaults. */
export const DB_DEFAULTS: DbOptions = {
  threshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  maxCandidates: 1000,
  minSize: 3,
};

interface Rect {
  center: Point;
  /** Unit vector along the first side, and its perpendicular. */
  axis: Point;
  normal: Point;
  /** Side lengths along axis and normal. */
  width: number;
  height: number;
}

export function dbPostprocess(
  probability: Float32Array,
  width: number,
  height: number,
  options: DbOptions = DB_DEFAULTS,
): TextBox[] {
  const boxes: TextBox[] = [];
  for (const region of connectedRegions(probability, width, height, options)) {
    const rect = minAreaRect(convexHull(region));
    if (!rect || Math.min(rect.width, rect.height) < options.minSize) continue;
    const score = meanInside(probability, width, height, rect);
    if (score < options.boxThreshold) continue;
    const grown = unclip(rect, options.unclipRatio);
    if (Math.min(grown.width, grown.height) < options.minSize + 2) continue;
    boxes.push({ points: corners(grown, width, height), score });
  }
  return boxes;
}

/**
 * 8-connected regions of pixels above the threshold, each as the centres of its leftmost and
 * rightmost pixel per row — all its convex hull needs. Iterative (explicit stack), so a page
 * of text cannot overflow the call stack.
 */
function connectedRegions(
  probability: Float32Array,
  width: number,
  height: number,
  options: DbOptions,
): Point[][] {
  const size = width * height;
  const seen = new Uint8Array(size);
  const stack = new Int32Array(size);
  const regions: Point[][] = [];
  for (let start = 0; start < size && regions.length < options.maxCandidates; start++) {
    if (seen[start] || probability[start] <= options.threshold) continue;
    const rowMin = new Map<number, number>();
    const rowMax = new Map<number, number>();
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const index = stack[--top];
      const x = index % width;
      const y = (index - x) / width;
      if (!(rowMin.get(y)! <= x)) rowMin.set(y, x);
      if (!(rowMax.get(y)! >= x)) rowMax.set(y, x);
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const next = ny * width + nx;
          if (seen[next] || probability[next] <= options.threshold) continue;
          seen[next] = 1;
          stack[top++] = next;
        }
      }
    }
    const points: Point[] = [];
    for (const [y, x] of rowMin) points.push([x, y], [rowMax.get(y)!, y]);
    regions.push(points);
  }
  return regions;
}

/** Andrew's monotone chain; counter-clockwise in image coordinates, no repeated end point. */
export function convexHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const cross = (o: Point, a: Point, b: Point) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Point[] = [];
  for (const point of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], point) <= 0)
      lower.pop();
    lower.push(point);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const point = sorted[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], point) <= 0)
      upper.pop();
    upper.push(point);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/**
 * The smallest rectangle around a convex polygon (rotating calipers: one side lies on a hull
 * edge). A region one pixel thick has zero height and is filtered by the caller.
 */
export function minAreaRect(hull: Point[]): Rect | null {
  if (hull.length === 0) return null;
  if (hull.length === 1) {
    return { center: hull[0], axis: [1, 0], normal: [0, 1], width: 0, height: 0 };
  }
  let best: Rect | null = null;
  let bestArea = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i];
    const b = hull[(i + 1) % hull.length];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (length === 0) continue;
    const axis: Point = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
    const normal: Point = [-axis[1], axis[0]];
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const p of hull) {
      const u = p[0] * axis[0] + p[1] * axis[1];
      const v = p[0] * normal[0] + p[1] * normal[1];
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = {
        center: [cu * axis[0] + cv * normal[0], cu * axis[1] + cv * normal[1]],
        axis,
        normal,
        width: maxU - minU,
        height: maxV - minV,
      };
    }
  }
  return best;
}

/** Mean probability over the pixels whose centres fall inside the rectangle. */
function meanInside(probability: Float32Array, width: number, height: number, rect: Rect): number {
  const halfW = rect.width / 2 + 0.5;
  const halfH = rect.height / 2 + 0.5;
  const box = corners({ ...rect, width: halfW * 2, height: halfH * 2 }, width, height);
  const xs = box.map((p) => p[0]);
  const ys = box.map((p) => p[1]);
  let sum = 0;
  let count = 0;
  for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) {
    for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const dx = x - rect.center[0];
      const dy = y - rect.center[1];
      if (Math.abs(dx * rect.axis[0] + dy * rect.axis[1]) > halfW) continue;
      if (Math.abs(dx * rect.normal[0] + dy * rect.normal[1]) > halfH) continue;
      sum += probability[y * width + x];
      count += 1;
    }
  }
  return count ? sum / count : 0;
}

/**
 * The model predicts a shrunk text kernel; the reference grows its polygon by
 * d = area × ratio / perimeter on every side (pyclipper offset). For a rectangle that is the
 * same rectangle, d wider on each side.
 */
function unclip(rect: Rect, ratio: number): Rect {
  const perimeter = 2 * (rect.width + rect.height);
  const distance = perimeter > 0 ? (rect.width * rect.height * ratio) / perimeter : 0;
  return { ...rect, width: rect.width + 2 * distance, height: rect.height + 2 * distance };
}

/** Corners clipped to the map, ordered top-left, top-right, bottom-right, bottom-left. */
function corners(rect: Rect, width: number, height: number): [Point, Point, Point, Point] {
  const { center, axis, normal } = rect;
  const hw = rect.width / 2;
  const hh = rect.height / 2;
  const at = (su: number, sv: number): Point => [
    Math.min(width, Math.max(0, center[0] + su * hw * axis[0] + sv * hh * normal[0])),
    Math.min(height, Math.max(0, center[1] + su * hw * axis[1] + sv * hh * normal[1])),
  ];
  const points = [at(-1, -1), at(1, -1), at(1, 1), at(-1, 1)].sort((a, b) => a[0] - b[0]);
  const [l1, l2, r1, r2] = points;
  const [topLeft, bottomLeft] = l1[1] <= l2[1] ? [l1, l2] : [l2, l1];
  const [topRight, bottomRight] = r1[1] <= r2[1] ? [r1, r2] : [r2, r1];
  return [topLeft, topRight, bottomRight, bottomLeft];
}
