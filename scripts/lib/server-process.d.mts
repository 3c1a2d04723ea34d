// Types for server-process.mjs, so the TypeScript test harness can use it.

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export interface ServerProcess {
  name: string;
  pid: number | undefined;
  exited: Promise<ServerExit>;
  output(): string;
  describeExit(exit: ServerExit): string;
  hasExited(): boolean;
  waitUntilReady(
    isReady: () => Promise<boolean>,
    options?: { timeoutMs?: number; intervalMs?: number },
  ): Promise<void>;
  stop(timeoutMs?: number): Promise<ServerExit>;
}

export interface SpawnServerOptions {
  name: string;
  command: string;
  args: string[];
  stopSignal: NodeJS.Signals;
  onLog: (line: string) => void;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
}

export declare function quietLog(name: string): (line: string) => void;
export declare function spawnServer(options: SpawnServerOptions): ServerProcess;
export declare function clearLeftoverServer(options: {
  name: string;
  pidFile: string;
  dataDir: string;
  stopSignal: NodeJS.Signals;
  timeoutMs?: number;
}): Promise<void>;
