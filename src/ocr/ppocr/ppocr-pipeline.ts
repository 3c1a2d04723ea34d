import { readFile } from 'node:fs/promises';

import ort from 'onnxruntime-node';

import { ctcDecode, loadCharset } from './ctc-decode.js';
import { DB_DEFAULTS, dbPostprocess, type Point, type TextBox } from './db-postprocess.js';
import { PPOCR_MODELS } from './ppocr-models.js';
import { buildRecBatch, type GreyImage, recWidth } from './rec-batch.js';

export interface PpOcrPipelineOptions {
  /**
   * The detector sees the page scaled to at most this width. Receipts are one column of
   * 30–50 characters and the page was already scaled to a working width, so the width sets the
   * text's size in the detector whatever the receipt's length.
   */
  detWidth: number;
  /** …and to at most this many pixels, which bounds its memory on a very long page. */
  detMaxPixels: number;
  /** Text boxes recognised per page at most; bounds time and memory on a page of noise. */
  maxBoxes: number;
  /**
   * Pages taller than this (in the detector's pixels) are detected in horizontal strips of
   * this height, overlapping by DET_STRIP_MARGIN on each side; 0 detects the page at once.
   * The detector's activations grow with the area it sees (~230 MB for a 1.2 MP page), so
   * strips bound the memory of long receipts.
   */
  detStripHeight?: number;
}

/** One recognised text box, in the input image's pixels. */
export interface PpOcrSegment {
  text: string;
  confidence: number;
  points: [Point, Point, Point, Point];
}

/** Detection input: ImageNet mean and deviation, as the PP-OCR detector was trained. */
const DET_MEAN = [0.485, 0.456, 0.406];
const DET_STD = [0.229, 0.224, 0.225];
/** The detector's strides need both sides to be multiples of 32. */
const DET_MULTIPLE = 32;
/**
 * Rows of context a strip sees above and below the rows it answers for: a text line's
 * probabilities depend on its neighbourhood, and a line cut at a strip's edge would read as
 * two fragments. Several text lines high at the detector's scale.
 */
const DET_STRIP_MARGIN = 64;
/**
 * Crops recognised in one run. The reference batches 6, padded to the widest; one at a time
 * measured 25% less CPU and ~20 MB less memory per page for the same text (bench/RESULTS.md).
 */
const REC_BATCH = 1;
/** Recognitions less sure than this are dropped (reference `drop_score`). */
const DROP_SCORE = 0.5;
/** Boxes whose tops are this close (pixels) count as one row when ordering (reference). */
const SAME_ROW_PX = 10;

/**
 * PP-OCRv4 detection + recognition on ONNX Runtime, with PaddleOCR's reference pre- and
 * post-processing written here: capped-side resize and normalisation, DB boxes, reading order,
 * oriented crops at the recogniser's height, greedy CTC decoding. One instance per thread;
 * each session computes on one core (intra-op threads 1) so a pool of N uses N cores.
 */
export class PpOcrPipeline {
  private constructor(
    private readonly detector: ort.InferenceSession,
    private readonly recognizer: ort.InferenceSession,
    private readonly charset: string[],
    private readonly options: PpOcrPipelineOptions,
  ) {}

  static async create(options: PpOcrPipelineOptions): Promise<PpOcrPipeline> {
    const session: ort.InferenceSession.SessionOptions = {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      // Every page and crop has another shape: the arena and memory patterns would keep the
      // largest one's buffers for the thread's life.
      enableCpuMemArena: false,
      enableMemPattern: false,
      logSeverityLevel: 3,
    };
    const [detector, recognizer, dictionary] = await Promise.all([
      ort.InferenceSession.create(PPOCR_MODELS.detection, session),
      ort.InferenceSession.create(PPOCR_MODELS.recognition, session),
      readFile(PPOCR_MODELS.dictionary, 'utf8'),
    ]);
    const classes = recognizer.outputMetadata[0];
    const classCount =
      classes.isTensor && typeof classes.shape[2] === 'number' ? classes.shape[2] : NaN;
    return new PpOcrPipeline(detector, recognizer, loadCharset(dictionary, classCount), options);
  }

  async read(image: GreyImage, onProgress?: (fraction: number) => void): Promise<PpOcrSegment[]> {
    const boxes = readingOrder(await this.detect(image)).slice(0, this.options.maxBoxes);
    onProgress?.(0.25);
    // Similar widths batch together, so little of each batch is padding.
    const order = boxes
      .map((_, index) => index)
      .sort((a, b) => recWidth(boxes[a]) - recWidth(boxes[b]));
    const results = new Array<PpOcrSegment | null>(boxes.length).fill(null);
    for (let start = 0; start < order.length; start += REC_BATCH) {
      const indices = order.slice(start, start + REC_BATCH);
      const batch = buildRecBatch(
        image,
        indices.map((index) => boxes[index]),
      );
      const output = await this.recognizer.run({
        [this.recognizer.inputNames[0]]: new ort.Tensor('float32', batch.data, batch.dims),
      });
      const probabilities = output[this.recognizer.outputNames[0]];
      const decoded = ctcDecode(
        probabilities.data as Float32Array,
        indices.length,
        probabilities.dims[1],
        this.charset,
      );
      probabilities.dispose();
      indices.forEach((index, n) => {
        const { text, confidence } = decoded[n];
        if (text.trim() !== '' && confidence >= DROP_SCORE) {
          results[index] = { text: text.trim(), confidence, points: boxes[index].points };
        }
      });
      onProgress?.(0.25 + (0.75 * Math.min(order.length, start + REC_BATCH)) / order.length);
    }
    return results.filter((segment): segment is PpOcrSegment => segment !== null);
  }

  /**
   * The detector's text probability per pixel of the downscaled page: of the whole page at
   * once, or stitched from overlapping strips, each answering for the rows away from its edges.
   */
  private async probabilities(small: Uint8Array, width: number, height: number) {
    const strip = this.options.detStripHeight ?? 0;
    if (strip <= 2 * DET_STRIP_MARGIN || height <= strip) {
      return this.detectRows(small, width, 0, height);
    }
    const map = new Float32Array(width * height);
    const step = strip - 2 * DET_STRIP_MARGIN;
    for (let own = 0; own < height; own += step) {
      const ownEnd = Math.min(height, own + step);
      const end = Math.min(height, Math.max(0, own - DET_STRIP_MARGIN) + strip);
      const start = Math.max(0, end - strip);
      const part = await this.detectRows(small, width, start, end);
      map.set(part.subarray((own - start) * width, (ownEnd - start) * width), own * width);
    }
    return map;
  }

  /** The detector's probabilities for rows [start, end) of the downscaled page. */
  private async detectRows(
    small: Uint8Array,
    width: number,
    start: number,
    end: number,
  ): Promise<Float32Array> {
    const height = end - start;
    const plane = width * height;
    const rows = small.subarray(start * width, end * width);
    const input = new Float32Array(3 * plane);
    for (let channel = 0; channel < 3; channel++) {
      const mean = DET_MEAN[channel];
      const std = DET_STD[channel];
      for (let i = 0; i < plane; i++) input[channel * plane + i] = (rows[i] / 255 - mean) / std;
    }
    const output = await this.detector.run({
      [this.detector.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, height, width]),
    });
    const tensor = output[this.detector.outputNames[0]];
    // A copy: the tensor's native memory is released now, not when the GC gets to it.
    const map = new Float32Array(tensor.data as Float32Array);
    tensor.dispose();
    return map;
  }

  async release(): Promise<void> {
    await Promise.all([this.detector.release(), this.recognizer.release()]);
  }

  /** Text boxes in the input image's pixels. */
  private async detect(image: GreyImage): Promise<TextBox[]> {
    const scale = Math.min(
      1,
      this.options.detWidth / image.width,
      Math.sqrt(this.options.detMaxPixels / (image.width * image.height)),
    );
    const width = Math.max(
      DET_MULTIPLE,
      Math.round((image.width * scale) / DET_MULTIPLE) * DET_MULTIPLE,
    );
    const height = Math.max(
      DET_MULTIPLE,
      Math.round((image.height * scale) / DET_MULTIPLE) * DET_MULTIPLE,
    );
    const small = downscale(image, width, height);
    const map = await this.probabilities(small, width, height);
    const boxes = dbPostprocess(map, width, height, DB_DEFAULTS);
    const sx = image.width / width;
    const sy = image.height / height;
    return boxes.map((box) => ({
      ...box,
      points: box.points.map(([x, y]) => [x * sx, y * sy]) as TextBox['points'],
    }));
  }
}

/** Top to bottom; boxes whose tops are within a few pixels read left to right. */
function readingOrder(boxes: TextBox[]): TextBox[] {
  const sorted = [...boxes].sort(
    (a, b) => a.points[0][1] - b.points[0][1] || a.points[0][0] - b.points[0][0],
  );
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i; j > 0; j--) {
      const [before, after] = [sorted[j - 1], sorted[j]];
      if (
        Math.abs(after.points[0][1] - before.points[0][1]) < SAME_ROW_PX &&
        after.points[0][0] < before.points[0][0]
      ) {
        [sorted[j - 1], sorted[j]] = [after, before];
      } else break;
    }
  }
  return sorted;
}

/** Area-average downscale (or nearest-pixel upscale of a tiny image) to width × height. */
function downscale(image: GreyImage, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height);
  const fx = image.width / width;
  const fy = image.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * fy);
    const y1 = Math.max(y0 + 1, Math.min(image.height, Math.floor((y + 1) * fy)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * fx);
      const x1 = Math.max(x0 + 1, Math.min(image.width, Math.floor((x + 1) * fx)));
      let sum = 0;
      for (let sy = y0; sy < y1; sy++) {
        const row = sy * image.width;
        for (let sx = x0; sx < x1; sx++) sum += image.data[row + sx];
      }
      out[y * width + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}
