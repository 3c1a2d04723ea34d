import { EnginePool, type EnginePoolOptions } from '../engine-pool.js';
import { PpOcrChild } from './ppocr-child.js';
import type { PpOcrPipelineOptions, PpOcrSegment } from './ppocr-pipeline.js';
import type { GreyImage } from './rec-batch.js';

export type PpOcrPoolOptions = EnginePoolOptions & PpOcrPipelineOptions;

/**
 * PP-OCR child processes in an EnginePool: each loads the ONNX models once (~16 MB of weights)
 * and is replaced after `recycleAfterJobs` pages, or killed and replaced when a page overruns
 * its deadline or the caller gives up.
 */
export class PpOcrPool {
  private readonly pool: EnginePool<PpOcrChild>;

  constructor(options: PpOcrPoolOptions) {
    const { detWidth, detMaxPixels, maxBoxes, detStripHeight } = options;
    this.pool = new EnginePool(options, () =>
      PpOcrChild.start({ detWidth, detMaxPixels, maxBoxes, detStripHeight }),
    );
  }

  /**
   * Text boxes of one greyscale page, in reading order.
   *
   * @throws AppError TIMEOUT when the deadline passes or `signal` aborts (the process is killed
   *   and replaced), OCR_FAILED when the engine fails or cannot start.
   */
  async recognize(
    image: GreyImage,
    options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
  ): Promise<PpOcrSegment[]> {
    return this.pool.run((child) => child.read(image, options.onProgress), {
      signal: options.signal,
    });
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
