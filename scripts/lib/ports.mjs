import { createServer } from 'node:net';

/** Our servers listen on IPv4 loopback only, so that is where availability is checked. */
const HOST = '127.0.0.1';

function listenOnce(port) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host: HOST, exclusive: true }, () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port. */
export async function isPortFree(port) {
  try {
    await listenOnce(port);
    return true;
  } catch (error) {
    if (error.code === 'EADDRINUSE' || error.code === 'EACCES') return false;
    throw error;
  }
}

/**
 * A port the kernel considers free right now. Another process may take it before our server
 * binds it, so callers retry on "address in use" (see isAddressInUse).
 */
export function freePort() {
  return listenOnce(0);
}

/** Whether a server's startup output says its port was taken. */
export function isAddressInUse(output) {
  return /address already in use/i.test(output);
}

/** Attempts when the port we picked is taken before the server binds it. */
const PORT_ATTEMPTS = 3;

/**
 * Starts a server with `launch(port)` on `preferred` when that is free, otherwise on a free
 * port, retrying with another one when the server reports it taken (someone bound it between
 * our check and the server's). Returns the port and what `launch` returned.
 */
export async function launchOnFreePort(launch, preferred) {
  if (preferred !== undefined && (await isPortFree(preferred))) {
    return { port: preferred, server: await launch(preferred) };
  }
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    try {
      return { port, server: await launch(port) };
    } catch (error) {
      if (attempt >= PORT_ATTEMPTS || !isAddressInUse(error.message)) throw error;
    }
  }
}
