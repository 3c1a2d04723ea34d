import { readdirSync } from 'node:fs';
import { childrenOf, procStat, read, TICKS_PER_SECOND } from './process-tree.js';

/**
 * Who used the CPU during a timed window, from Linux's /proc: every process below the bench
 * (API, workers, PostgreSQL, Redis) and the bench itself, and each worker's threads grouped by
 * name (main event loop, tesseract.js worker thread, libuv pool, libvips, V8 GC/compiler). A
 * ratio of 2 workers to 1 can only reach 2× if one worker stays within one core.
 */

/** CPU seconds of a process, its live descendants and those it reaped. */
function treeSeconds(pid: number): number {
  const stat = procStat(`/proc/${pid}/stat`);
  if (!stat) return 0;
  return stat.own + stat.reaped + childrenOf(pid).reduce((sum, c) => sum + treeSeconds(c), 0);
}

/**
 * A thread's group: Node names tesseract.js's worker thread "WorkerThread", its GC and compiler
 * helpers "V8Worker", libuv's pool "libuv-worker", libvips its pool "libvips worker"; the main
 * thread (whose id is the process id) is the event loop. Trailing numbers are dropped.
 */
function threadGroup(pid: number, tid: number, comm: string): string {
  if (tid === pid) return 'main (event loop)';
  return comm.replace(/[-_ ]?\d+$/, '').trim() || comm;
}

/** CPU seconds of a process's threads, grouped by thread name. */
function threadSeconds(pid: number): Map<string, number> {
  const groups = new Map<string, number>();
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return groups;
  }
  for (const task of tasks) {
    const stat = procStat(`/proc/${pid}/task/${task}/stat`);
    if (!stat) continue;
    const group = threadGroup(pid, Number(task), stat.comm);
    groups.set(group, (groups.get(group) ?? 0) + stat.own);
  }
  return groups;
}

/** CPU seconds the whole machine spent busy (all cores, every process), from /proc/stat. */
function machineBusySeconds(): number {
  const line = (read('/proc/stat') ?? '').split('\n')[0];
  // cpu user nice system idle iowait irq softirq steal …: idle and iowait are not busy.
  const ticks = line.split(/\s+/).slice(1, 9).map(Number);
  const busy = ticks.reduce((sum, t) => sum + t, 0) - ticks[3] - ticks[4];
  return busy / TICKS_PER_SECOND;
}

export interface CpuSnapshot {
  at: number;
  /** The machine's busy CPU seconds: what is not the bench's tree is someone else's. */
  machine: number;
  /** CPU seconds by role: "api", "worker 1", "postgres", "redis", "bench", … */
  roles: Map<string, number>;
  /** Per worker role, CPU seconds by thread group. */
  threads: Map<string, Map<string, number>>;
}

/**
 * Snapshot of the bench's process tree. `named` maps pids the bench started itself (API,
 * workers) to a role; any other child is named after its command (postgres, redis-server).
 */
export function cpuSnapshot(named: Map<number, string>): CpuSnapshot {
  const roles = new Map<string, number>();
  const threads = new Map<string, Map<string, number>>();
  const add = (role: string, seconds: number) => roles.set(role, (roles.get(role) ?? 0) + seconds);
  const self = procStat(`/proc/${process.pid}/stat`);
  // Only the bench's own threads: its reaped children (earlier phases) are not this window's.
  add('bench', self?.own ?? 0);
  for (const child of childrenOf(process.pid)) {
    const role = named.get(child) ?? procStat(`/proc/${child}/stat`)?.comm ?? 'other';
    add(role, treeSeconds(child));
    if (named.has(child)) threads.set(role, threadSeconds(child));
  }
  return { at: performance.now(), machine: machineBusySeconds(), roles, threads };
}

export interface CpuUsage {
  seconds: number;
  /** CPU seconds by role over the window, and as cores (seconds / wall seconds). */
  roles: Array<{ role: string; cpuSeconds: number; cores: number }>;
  threads: Array<{ role: string; group: string; cpuSeconds: number; cores: number }>;
}

/** What each role and worker thread group used between two snapshots. */
export function cpuUsage(before: CpuSnapshot, after: CpuSnapshot): CpuUsage {
  const seconds = (after.at - before.at) / 1000;
  const delta = (a: Map<string, number>, b: Map<string, number> | undefined) =>
    [...a].map(([key, value]) => [key, value - (b?.get(key) ?? 0)] as const);
  const ours = delta(after.roles, before.roles).filter(([, cpu]) => cpu > 0);
  const outside = after.machine - before.machine - ours.reduce((sum, [, cpu]) => sum + cpu, 0);
  const roles = [...ours, ['outside the bench', Math.max(0, outside)] as const].map(
    ([role, cpuSeconds]) => ({ role, cpuSeconds, cores: cpuSeconds / seconds }),
  );
  const threads = [...after.threads].flatMap(([role, groups]) =>
    delta(groups, before.threads.get(role))
      .filter(([, cpu]) => cpu > 0)
      .map(([group, cpuSeconds]) => ({ role, group, cpuSeconds, cores: cpuSeconds / seconds })),
  );
  return { seconds, roles, threads };
}

/** Lines for the console: roles by CPU, then each worker's thread groups. */
export function formatCpuUsage(usage: CpuUsage, receipts: number): string[] {
  const lines = [
    `  CPU over ${usage.seconds.toFixed(1)} s (cores = CPU s / wall s; CPU s per receipt):`,
  ];
  const byCpu = <T extends { cpuSeconds: number }>(rows: T[]) =>
    [...rows].sort((a, b) => b.cpuSeconds - a.cpuSeconds);
  const total = usage.roles
    .filter((r) => r.role !== 'outside the bench')
    .reduce((sum, r) => sum + r.cpuSeconds, 0);
  for (const r of byCpu(usage.roles)) {
    lines.push(
      `    ${r.role.padEnd(17)} ${r.cpuSeconds.toFixed(1).padStart(6)} s  ${r.cores.toFixed(2)} cores  ${(r.cpuSeconds / receipts).toFixed(2)} s/receipt`,
    );
  }
  lines.push(
    `    ${'bench tree'.padEnd(17)} ${total.toFixed(1).padStart(6)} s  ${(total / usage.seconds).toFixed(2)} cores`,
  );
  for (const t of byCpu(usage.threads).filter((t) => t.cpuSeconds >= 0.05)) {
    lines.push(
      `      ${t.role} / ${t.group.padEnd(18)} ${t.cpuSeconds.toFixed(1).padStart(6)} s  ${t.cores.toFixed(2)} cores`,
    );
  }
  return lines;
}
