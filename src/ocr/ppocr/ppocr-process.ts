/**
 * Entry of one PP-OCR child process (forked by PpOcrChild): loads the models once, then reads
 * one page per IPC message. Messages: in `{ id, width, height, pixels }` (greyscale bytes); out
 * `{ type: 'ready' }`, `{ type: 'progress', id, fraction }`, `{ type: 'done', id, segments }`,
 * `{ type: 'failed', id?, message }`.
 *
 * A process rather than a worker thread because ONNX Runtime's native sessions cannot be
 * interrupted safely: terminating a thread in the middle of `session.run()` aborted the whole
 * worker (SIGABRT), while killing a process takes nothing else with it.
 */
import { PpOcrPipeline, type PpOcrPipelineOptions } from './ppocr-pipeline.js';

export interface PpOcrRequest {
  id: number;
  width: number;
  height: number;
  pixels: Uint8Array;
}

/**
 * A full collection between pages (the process is forked with --expose-gc). A page leaves tens
 * of MB of typed arrays (pixels, detector input and map, crops) that V8 would only collect
 * under heap pressure, so a process reused for page after page grew to ~300 MB at rest and a
 * 540 MB peak; collecting after each page kept it at ~250 / ~400 MB for the same readings
 * (bench/RESULTS.md). It costs a few milliseconds with a heap this small.
 */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const send = process.send?.bind(process);
if (!send) throw new Error('ppocr-process must be forked with an IPC channel.');
// The parent is gone (or closed the channel): nobody will read the result.
process.on('disconnect', () => process.exit(0));

try {
  // PpOcrChild passes the pipeline's options as JSON in the one argument.
  const options = JSON.parse(process.argv[2] ?? '') as PpOcrPipelineOptions;
  const pipeline = await PpOcrPipeline.create(options);
  // One page at a time: the pool never sends a second request before the first is answered.
  process.on('message', (request: PpOcrRequest) => {
    pipeline
      .read({ data: request.pixels, width: request.width, height: request.height }, (fraction) =>
        send({ type: 'progress', id: request.id, fraction }),
      )
      .then((segments) => {
        send({ type: 'done', id: request.id, segments });
        collectGarbage();
      })
      .catch((error: unknown) => send({ type: 'failed', id: request.id, message: String(error) }));
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', message: String(error) }, () => process.exit(1));
}
