// Finds executables, and installs Debian packages with apt-get when we are root: how the dev
// stack and the test harness get redis-server and chromium on a fresh machine.
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The first executable `name` in PATH or the usual system folders. */
export function findExecutable(name, extraDirs = ['/usr/bin', '/usr/sbin', '/usr/local/bin']) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...extraDirs];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** True when apt-get can install packages here (root on a Debian-like system). */
export function canAptInstall() {
  return process.getuid?.() === 0 && findExecutable('apt-get', ['/usr/bin', '/bin']) !== undefined;
}

function run(command, args, env) {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
      .trim()
      .split('\n')
      .slice(-15)
      .join('\n');
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.error?.message ?? output}`);
  }
}

// Debian starts a packaged service right after installing it; we want only the servers we run
// ourselves. A policy-rc.d that answers 101 ("action forbidden") stops invoke-rc.d and
// deb-systemd-invoke from starting it; one the machine already has is left alone.
const POLICY_RC_D = '/usr/sbin/policy-rc.d';

/** apt-get install of Debian packages, without starting any service they bring. */
export function aptInstall(packages) {
  process.stderr.write(`${packages.join(' ')}: not installed; installing with apt-get (once)...\n`);
  const addedPolicy = !existsSync(POLICY_RC_D);
  if (addedPolicy) {
    writeFileSync(
      POLICY_RC_D,
      '#!/bin/sh\n# Added by Receipt Vault while installing packages.\nexit 101\n',
    );
    chmodSync(POLICY_RC_D, 0o755);
  }
  try {
    run('apt-get', ['update', '-qq']);
    // Waits for, rather than fails on, another apt/dpkg run (a second checkout installing too).
    run(
      'apt-get',
      [
        'install',
        '-y',
        '-qq',
        '-o',
        'DPkg::Lock::Timeout=300',
        '--no-install-recommends',
        ...packages,
      ],
      { DEBIAN_FRONTEND: 'noninteractive' },
    );
  } finally {
    if (addedPolicy) rmSync(POLICY_RC_D, { force: true });
  }
}
