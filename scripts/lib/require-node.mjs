// Imported first by the scripts that need the project's runtime (dev.mjs, test.mjs): on an older
// Node they refuse with a message instead of starting servers that would crash. They are normally
// started by launch.mjs, which has already chosen the right Node.
import { unsupportedNodeMessage } from './node-runtime.mjs';

const refusal = unsupportedNodeMessage();
if (refusal) {
  process.stderr.write(`${refusal}\n`);
  process.exit(1);
}
