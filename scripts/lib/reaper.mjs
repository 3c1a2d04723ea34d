// Orphan protection for the servers our scripts start. A small detached "reaper" process reads
// what to clean up from a pipe; when that pipe closes because its parent is gone (Ctrl-C in
// Vitest, which exits within a millisecond of SIGINT without running global teardown; a CI
// timeout's SIGTERM; even SIGKILL), it stops what is still registered and removes the temporary
// folders. An orderly shutdown releases each entry first, leaving the reaper nothing to do.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

let channel;

function send(message) {
  if (!channel) {
    const reaper = spawn(
      process.execPath,
      [fileURLToPath(new URL('./reaper-child.mjs', import.meta.url))],
      {
        // Its own session, so the terminal's Ctrl-C and hang-up reach the parent but not the reaper.
        detached: true,
        stdio: ['pipe', 'ignore', 'ignore'],
      },
    );
    // Neither the reaper nor its pipe may keep the parent alive.
    reaper.unref();
    channel = reaper.stdin;
    channel.unref();
    // Only EPIPE if the reaper died first; there is nothing better to do then.
    channel.on('error', () => undefined);
  }
  channel.write(`${JSON.stringify(message)}\n`);
}

/** Registers a running server: if this process dies, the reaper sends it `signal`. */
export function guardProcess(pid, signal) {
  send({ op: 'add', key: `pid:${pid}`, pid, signal });
}

export function releaseProcess(pid) {
  send({ op: 'release', key: `pid:${pid}` });
}

/** Registers a temporary folder to remove if this process dies (after servers are stopped). */
export function guardDirectory(path) {
  send({ op: 'add', key: `dir:${path}`, path });
}

export function releaseDirectory(path) {
  send({ op: 'release', key: `dir:${path}` });
}
