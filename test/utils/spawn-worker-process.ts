import { type SourceProcess, spawnSourceProcess } from './spawn-source-process.js';

export type WorkerProcess = SourceProcess;

/** The real worker entrypoint (`src/worker.ts`) in its own Node process. */
export function spawnWorkerProcess(env: Record<string, string> = {}): WorkerProcess {
  return spawnSourceProcess('src/worker.ts', env);
}
