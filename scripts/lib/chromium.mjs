// Debian's chromium for the browser tests: found, or (as root with apt) installed, exactly as
// redis-server is. Never a browser downloaded by a test tool: playwright-core only drives it.
import { aptInstall, canAptInstall, findExecutable } from './apt.mjs';

/**
 * Flags for a headless run on a machine without a network: no sandbox (root has none), no GPU,
 * and none of the background connections (updates, sync, QUIC probes) that would be refused.
 * playwright-core adds a fresh, temporary --user-data-dir for each launch.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium() {
  return findExecutable('chromium') ?? findExecutable('chromium-browser');
}

/** The path of chromium, installing Debian's package first when it is missing and we can. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (canAptInstall()) {
    aptInstall(['chromium']);
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    'chromium is not installed: run `sudo apt-get install chromium` (the browser tests drive it).',
  );
}
