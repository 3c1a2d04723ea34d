// pdf.js, loaded only when a PDF receipt is opened (its own chunk and worker), so the list's
// first load stays small. No eval in pdf.js 6, and WebAssembly is off: the page's CSP forbids it,
// and the JavaScript decoders draw receipts as well.
import { GlobalWorkerOptions, getDocument, VerbosityLevel } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** A page drawn beyond this many pixels wide only costs memory: receipts are narrow. */
const MAX_CANVAS_WIDTH = 2400;

/**
 * Draws page 1 of `data` into `canvas`, sharp for `cssWidth` CSS pixels on this screen, and
 * returns the page's size in PDF points: the space the record's boxes are in.
 */
export async function renderFirstPage(
  data: ArrayBuffer,
  canvas: HTMLCanvasElement,
  cssWidth: number,
): Promise<{ width: number; height: number }> {
  const task = getDocument({
    data: new Uint8Array(data),
    useWasm: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise;
    const page = await document.getPage(1);
    const points = page.getViewport({ scale: 1 });
    const targetWidth = Math.min(MAX_CANVAS_WIDTH, Math.max(1, cssWidth) * devicePixelRatio);
    const viewport = page.getViewport({ scale: targetWidth / points.width });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await page.render({ canvas, viewport }).promise;
    return { width: points.width, height: points.height };
  } finally {
    await task.destroy();
  }
}
