/**
 * Upload a receipt and wait for its record, through the generated client.
 *
 *   npm run dev            # in another terminal
 *   node examples/upload-and-wait.ts --email ada@example.com --password '…' receipt.jpg
 *
 * Node 22.18+ runs this TypeScript file as it is. Prints the finished receipt as JSON: its
 * status, the summary and the record with a confidence and source for every field. Exits 1
 * when the upload is refused or the receipt failed.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createReceiptVaultClient,
  login,
  ReceiptVaultError,
  uploadReceipt,
  waitForReceipt,
} from '../clients/typescript/src/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    email: { type: 'string' },
    password: { type: 'string' },
    token: { type: 'string' },
    'timeout-ms': { type: 'string', default: '120000' },
  },
});
const path = positionals[0];
if (!path || (!values.token && !(values.email && values.password))) {
  console.error(
    'usage: node examples/upload-and-wait.ts [--url URL] (--token T | --email E --password P) FILE',
  );
  process.exit(2);
}

let token = values.token;
if (!token) {
  const anonymous = createReceiptVaultClient({ baseUrl: values.url });
  token = (await login(anonymous, { email: values.email!, password: values.password! }))
    .accessToken;
}
const client = createReceiptVaultClient({ baseUrl: values.url, token });

const file = new Blob([await readFile(path)]);
let accepted;
try {
  accepted = await uploadReceipt(client, file, { filename: basename(path) });
} catch (error) {
  // A refusal carries the API's stable code (UNSUPPORTED_MEDIA_TYPE, FILE_TOO_LARGE …).
  if (!(error instanceof ReceiptVaultError)) throw error;
  console.error(`Upload refused: ${error.status} ${error.code}: ${error.message}`);
  process.exit(1);
}
console.error(`Uploaded ${basename(path)}: receipt ${accepted.id} is ${accepted.status}`);

const receipt = await waitForReceipt(client, accepted.id, {
  timeoutMs: Number(values['timeout-ms']),
});
console.error(`Receipt ${receipt.id} is ${receipt.status}`);
console.log(JSON.stringify(receipt, null, 2));
process.exitCode = receipt.status === 'failed' ? 1 : 0;
