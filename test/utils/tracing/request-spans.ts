import type { ChildProcess } from 'node:child_process';
import type { CollectedSpan } from './collect-spans.js';

/** The spans a process preloaded with collect-spans.ts has finished so far. */
export function requestSpans(child: ChildProcess): Promise<CollectedSpan[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no spans from the child process')), 5000);
    child.once('message', (message: { spans: CollectedSpan[] }) => {
      clearTimeout(timer);
      resolve(message.spans);
    });
    child.send('spans');
  });
}
