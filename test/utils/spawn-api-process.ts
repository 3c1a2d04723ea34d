import { freePort } from '../../scripts/lib/ports.mjs';
import { pollUntil } from './poll-until.js';
import { type SourceProcess, spawnSourceProcess } from './spawn-source-process.js';

export interface ApiProcess extends SourceProcess {
  baseUrl: string;
}

/** The real API entrypoint (`src/main.ts`) in its own process, ready when it resolves. */
export async function spawnApiProcess(env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const api = spawnSourceProcess('src/main.ts', { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await pollUntil(
      async () => {
        if (api.child.exitCode !== null) throw new Error(`API exited:\n${api.output()}`);
        return fetch(`${baseUrl}/health/live`).then(
          (r) => r.ok,
          () => false,
        );
      },
      (up) => up,
      { timeoutMs: 60_000, intervalMs: 100 },
    );
  } catch (error) {
    await api.kill9();
    throw error;
  }
  return { ...api, baseUrl };
}
