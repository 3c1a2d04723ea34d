import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '../..');

export interface SourceProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code or signal once the process is gone. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no shutdown hooks, no lock release, as a crashed or OOM-killed process. */
  kill9(): Promise<void>;
  /** SIGTERM: the graceful shutdown the entrypoint installs. */
  stop(): Promise<void>;
}

/**
 * A real entrypoint (`src/worker.ts`, `src/main.ts`) in its own Node process, compiled on the
 * fly by register-ts-hooks.ts, so a test can kill it like a crash would or read what it logs.
 * Runs with this process's environment plus `env`: call `useTestEnv()` first.
 */
export function spawnSourceProcess(
  entry: string,
  env: Record<string, string> = {},
  options: { imports?: string[]; ipc?: boolean; args?: string[] } = {},
): SourceProcess {
  // Extra modules loaded first (`imports`); with `ipc`, a message channel to this process;
  // `args` for the entrypoint's own command line.
  const imports = ['./test/utils/register-ts-hooks.ts', ...(options.imports ?? [])];
  const argv = [...imports.flatMap((m) => ['--import', m]), entry, ...(options.args ?? [])];
  const child = spawn(process.execPath, argv, {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    child,
    output: () => output,
    exited,
    kill9: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}
