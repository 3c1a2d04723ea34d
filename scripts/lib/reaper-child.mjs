// The reaper process itself; see reaper.mjs. It reads JSON lines from stdin and cleans up when
// stdin closes: it signals every server at once, gives each up to STOP_TIMEOUT_MS before
// SIGKILL, then removes the folders. All at once, not in dependency order: an app whose
// terminal output went with its parent can hang in its shutdown logging, and must not hold up
// the databases behind it.
import { readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';

const STOP_TIMEOUT_MS = 10_000;
const POLL_MS = 50;

const entries = new Map();

// The parent's terminal and session are not ours (detached), but stay safe if one reaches us.
for (const signal of ['SIGINT', 'SIGHUP', 'SIGTERM']) process.on(signal, () => undefined);

function isRunning(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // An exited child of a dead parent stays a zombie until some init reaps it; it is gone for us.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function stop({ pid, signal }) {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  for (let waited = 0; waited < STOP_TIMEOUT_MS; waited += POLL_MS) {
    if (!isRunning(pid)) return;
    await sleep(POLL_MS);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function cleanUp() {
  const registered = [...entries.values()];
  await Promise.all(registered.filter((entry) => entry.pid).map(stop));
  for (const { path } of registered) {
    if (!path) continue;
    try {
      // Retries cover a stopped server's last files still being closed as we delete them.
      rmSync(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // Nothing is left to tell; the other folders still deserve their chance.
    }
  }
}

createInterface({ input: process.stdin })
  .on('line', (line) => {
    const message = JSON.parse(line);
    if (message.op === 'add') entries.set(message.key, message);
    else entries.delete(message.key);
  })
  .on('close', () => {
    cleanUp().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
