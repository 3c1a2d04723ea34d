/**
 * Entry of one PP-OCR worker thread: loads the models once, then reads one page per message.
 * Messages: in `{ id, width, height, pixels }` (greyscale bytes, transferred); out
 * `{ type: 'ready' }`, `{ type: 'progress', id, fraction }`, `{ type: 'done', id, segments }`,
 * `{ type: 'failed', id?, message }`.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { PpOcrPipeline, type PpOcrPipelineOptions } from './ppocr-pipeline.js';

export interface PpOcrRequest {
  id: number;
  width: number;
  height: number;
  pixels: Uint8Array;
}

const port = parentPort;
if (!port) throw new Error('ppocr-thread must run in a worker thread.');

try {
  const pipeline = await PpOcrPipeline.create(workerData as PpOcrPipelineOptions);
  // One page at a time: the pool never sends a second request before the first is answered.
  port.on('message', (request: PpOcrRequest) => {
    pipeline
      .read({ data: request.pixels, width: request.width, height: request.height }, (fraction) =>
        port.postMessage({ type: 'progress', id: request.id, fraction }),
      )
      .then((segments) => port.postMessage({ type: 'done', id: request.id, segments }))
      .catch((error: unknown) =>
        port.postMessage({ type: 'failed', id: request.id, message: String(error) }),
      );
  });
  port.postMessage({ type: 'ready' });
} catch (error) {
  port.postMessage({ type: 'failed', message: String(error) });
}
