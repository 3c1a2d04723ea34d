import { describe, expect, it } from 'vitest';

import { convexHull, DB_DEFAULTS, dbPostprocess, minAreaRect } from './db-postprocess.js';

/** A probability map with the given rectangles (x0, y0, x1, y1 inclusive) set to `p`. */
function map(width: number, height: number, rects: number[][], p = 0.9): Float32Array {
  const data = new Float32Array(width * height);
  for (const [x0, y0, x1, y1] of rects) {
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) data[y * width + x] = p;
  }
  return data;
}

describe('dbPostprocess', () => {
  it('finds one box per text region, grown back by the unclip distance', () => {
    const boxes = dbPostprocess(
      map(100, 60, [
        [10, 10, 49, 17],
        [60, 40, 89, 47],
      ]),
      100,
      60,
    );
    expect(boxes).toHaveLength(2);
    const [first] = boxes;
    // Kernel 39 × 7 (pixel centres): d = 39 × 7 × 1.5 / (2 × 46) ≈ 4.45 on every side.
    expect(first.points[0][0]).toBeCloseTo(10 - 4.45, 1);
    expect(first.points[0][1]).toBeCloseTo(10 - 4.45, 1);
    expect(first.points[2][0]).toBeCloseTo(49 + 4.45, 1);
    expect(first.points[2][1]).toBeCloseTo(17 + 4.45, 1);
    expect(first.score).toBeCloseTo(0.9, 5);
  });

  it('orders corners clockwise from the top-left', () => {
    const [box] = dbPostprocess(map(60, 40, [[10, 10, 40, 20]]), 60, 40);
    const [tl, tr, br, bl] = box.points;
    expect(tl[0]).toBeLessThan(tr[0]);
    expect(tl[1]).toBeLessThan(bl[1]);
    expect(br[0]).toBeGreaterThan(bl[0]);
    expect(br[1]).toBeGreaterThan(tr[1]);
  });

  it('drops specks, thin rules and faint regions', () => {
    const probability = map(100, 60, [
      [5, 5, 6, 6], // a speck: shorter side below minSize
      [10, 30, 90, 30], // a one-pixel rule
    ]);
    // A region above the pixel threshold but below the box threshold.
    map(100, 60, [[20, 45, 60, 55]], 0.4).forEach((value, index) => {
      if (value) probability[index] = value;
    });
    expect(dbPostprocess(probability, 100, 60)).toEqual([]);
  });

  it('follows a slanted line of text', () => {
    const width = 120;
    const height = 80;
    const probability = new Float32Array(width * height);
    // A band 8 px thick rising 1 px every 4 px.
    for (let x = 10; x < 110; x++) {
      const top = 50 - Math.floor((x - 10) / 4);
      for (let y = top; y < top + 8; y++) probability[y * width + x] = 0.95;
    }
    const [box] = dbPostprocess(probability, width, height);
    const [tl, tr] = box.points;
    expect(Math.atan2(tl[1] - tr[1], tr[0] - tl[0])).toBeCloseTo(Math.atan(1 / 4), 1);
  });

  it('stops after maxCandidates regions', () => {
    const rects = Array.from({ length: 10 }, (_, i) => [2, 2 + i * 10, 40, 8 + i * 10]);
    const probability = map(50, 110, rects);
    expect(dbPostprocess(probability, 50, 110, { ...DB_DEFAULTS, maxCandidates: 3 })).toHaveLength(
      3,
    );
  });
});

describe('convex hull and minimum-area rectangle', () => {
  it('finds the rectangle of a rotated square', () => {
    const diamond: Array<[number, number]> = [
      [10, 0],
      [20, 10],
      [10, 20],
      [0, 10],
      [10, 10],
    ];
    const hull = convexHull(diamond);
    expect(hull).toHaveLength(4);
    const rect = minAreaRect(hull)!;
    expect(rect.width * rect.height).toBeCloseTo(200, 5);
    expect(rect.center[0]).toBeCloseTo(10, 5);
    expect(rect.center[1]).toBeCloseTo(10, 5);
  });
});
