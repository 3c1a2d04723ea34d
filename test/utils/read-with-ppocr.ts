/**
 * Reads one image with the PP-OCR engine and prints `{ network, lines }` as JSON: run by the
 * offline test inside a network namespace with no interfaces (`unshare --net`), so `network`
 * proves nothing could be reached and `lines` that the engine still worked.
 * Usage: node --import ./test/utils/register-ts-hooks.ts test/utils/read-with-ppocr.ts <image>
 */
import { connect } from 'node:net';

import { prepareImage } from '../../src/ocr/image-preparer.js';
import { PpOcrEngine } from '../../src/ocr/ppocr/ppocr-engine.js';

function canConnect(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '1.1.1.1', port: 443, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const engine = new PpOcrEngine({
  size: 1,
  recycleAfterJobs: 10,
  jobTimeoutMs: 60_000,
  detWidth: 480,
  detMaxPixels: 1_228_800,
  maxBoxes: 400,
});
try {
  const image = await prepareImage(process.argv[2], { maxImagePixels: 40_000_000, pixels: true });
  const lines = await engine.read({ image, number: 1, outerScale: 1 });
  process.stdout.write(
    JSON.stringify({ network: await canConnect(), lines: lines.map((line) => line.text) }),
  );
} finally {
  await engine.close();
}
