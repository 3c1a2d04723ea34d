import { connect, createServer, type Socket } from 'node:net';

export interface DroppingProxy {
  /** `http://127.0.0.1:<port>`: open the app here to go through the proxy. */
  url: string;
  /** While on, every upload (POST /v1/receipts) is cut after `afterBytes` of its request. */
  dropUploads(on: boolean): void;
  close(): Promise<void>;
}

const UPLOAD_REQUEST_LINE = 'POST /v1/receipts HTTP/';

/**
 * A TCP proxy in front of `target` that can lose the network in the middle of an upload: once an
 * upload's request has carried `afterBytes`, both sockets are reset, so the browser and the API
 * each see a connection die with part of the body sent — what a phone leaving Wi-Fi does.
 */
export async function startDroppingProxy(
  target: string,
  afterBytes: number,
): Promise<DroppingProxy> {
  const { hostname, port } = new URL(target);
  let dropping = false;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A reset is the point of this proxy; its errors are expected.
    socket.on('error', () => undefined);
  };

  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    track(client);
    track(upstream);
    // Requests on one connection come one after another: a chunk opening with the upload's
    // request line starts counting.
    let uploadBytes: number | null = null;
    client.on('data', (chunk: Buffer) => {
      if (
        chunk.subarray(0, UPLOAD_REQUEST_LINE.length).toString('latin1') === UPLOAD_REQUEST_LINE
      ) {
        uploadBytes = 0;
      } else if (
        uploadBytes !== null &&
        /^[A-Z]+ \//.test(chunk.subarray(0, 8).toString('latin1'))
      ) {
        uploadBytes = null;
      }
      if (uploadBytes !== null) uploadBytes += chunk.length;
      if (dropping && uploadBytes !== null && uploadBytes > afterBytes) {
        client.resetAndDestroy();
        upstream.resetAndDestroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy has no port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    dropUploads(on) {
      dropping = on;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
