import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../../scripts/lib/chromium.mjs';

const ROOT = join(import.meta.dirname, '../..');

/**
 * Vitest global setup for the browser tier (after global-setup.ts): Debian's chromium (installed
 * with apt when missing, like redis-server) and a fresh production build of the web app in a
 * temporary folder, so the tests never run against a stale dist/web.
 */
export default function setup(project: TestProject): () => void {
  const chromiumPath = ensureChromium();
  const webDir = mkdtempSync(join(tmpdir(), 'rv-web-'));
  const build = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(ROOT, 'web/vite.config.ts'),
      '--outDir',
      webDir,
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (build.status !== 0) {
    rmSync(webDir, { recursive: true, force: true });
    throw new Error(`vite build failed:\n${build.stdout}${build.stderr}`);
  }
  project.provide('chromiumPath', chromiumPath);
  project.provide('webDir', webDir);
  return () => rmSync(webDir, { recursive: true, force: true });
}
