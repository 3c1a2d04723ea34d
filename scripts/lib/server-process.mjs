import { spawn } from 'node:child_process';
import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { guardProcess, releaseProcess } from './reaper.mjs';

/** Enough of a server's recent output to explain why it failed to start. */
const TAIL_LINES = 40;

/** The default log sink: server chatter stays out of the terminal unless DEBUG is set. */
export function quietLog(name) {
  return (line) => {
    if (process.env.DEBUG) process.stderr.write(`[${name}] ${line}\n`);
  };
}

/**
 * Spawns a long-running server in its own process group, so a Ctrl-C in the terminal reaches
 * only our script, which then stops the servers in order. The reaper stops it if we die first.
 *
 * @param {object} options
 * @param {string} options.name used in error messages
 * @param {string} options.command
 * @param {string[]} options.args
 * @param {NodeJS.Signals} options.stopSignal what asks this server to shut down cleanly
 * @param {(line: string) => void} options.onLog receives every line of stdout and stderr
 */
export function spawnServer({ name, command, args, stopSignal, onLog, ...spawnOptions }) {
  const child = spawn(command, args, {
    ...spawnOptions,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      onLog(line);
    });
  }
  if (child.pid) guardProcess(child.pid, stopSignal);

  let exitInfo;
  /** Resolves once the process is gone (or could not be spawned); never rejects. */
  const exited = new Promise((resolve) => {
    child.once('error', (error) => {
      if (child.pid === undefined) resolve((exitInfo = { code: null, signal: null, error }));
    });
    child.once('exit', (code, signal) => {
      releaseProcess(child.pid);
      resolve((exitInfo = { code, signal }));
    });
  });

  const output = () => tail.join('\n');

  function describeExit({ code, signal, error }) {
    if (error) return `${name} could not be started (${command}): ${error.message}`;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    return `${name} ${how}. Its last output:\n${output()}`;
  }

  return {
    name,
    pid: child.pid,
    exited,
    output,
    describeExit,
    hasExited: () => exitInfo !== undefined,

    /**
     * Polls `isReady` until it returns true. Rejects when the server exits first (with its
     * output) or after `timeoutMs`.
     */
    async waitUntilReady(isReady, { timeoutMs = 30_000, intervalMs = 25 } = {}) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (exitInfo) throw new Error(describeExit(exitInfo));
        if (await isReady()) return;
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
      throw new Error(`${name} was not ready after ${timeoutMs} ms. Its last output:\n${output()}`);
    },

    /** Asks the server to stop and waits; SIGKILL after `timeoutMs`. */
    async stop(timeoutMs = 15_000) {
      if (exitInfo) return exitInfo;
      child.kill(stopSignal);
      let timer;
      const timedOut = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      if ((await Promise.race([exited, timedOut])) === 'timeout') child.kill('SIGKILL');
      clearTimeout(timer);
      return exited;
    },
  };
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function workingDirectoryOf(pid) {
  try {
    return realpathSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

/**
 * Clears what a crashed run left behind in a persistent data folder, given the pid file the
 * server writes there. A server still running from that folder (its parent was killed) is shut
 * down cleanly; a pid file whose process is gone, or whose pid now belongs to some unrelated
 * process, is removed. PostgreSQL and Redis both chdir into their data folder, which is how the
 * owner of the pid is recognised.
 */
export async function clearLeftoverServer({
  name,
  pidFile,
  dataDir,
  stopSignal,
  timeoutMs = 15_000,
}) {
  let pid;
  try {
    pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
  } catch {
    return;
  }
  if (
    Number.isInteger(pid) &&
    pid > 0 &&
    isRunning(pid) &&
    workingDirectoryOf(pid) === realpathSync(dataDir)
  ) {
    process.stderr.write(`Stopping ${name} (pid ${pid}) left running by an earlier run.\n`);
    process.kill(pid, stopSignal);
    const deadline = Date.now() + timeoutMs;
    while (isRunning(pid) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}
