import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time and resident memory of this process together with every process it started (the
 * PP-OCR engine reads in child processes), from Linux's /proc: a worker's cost is the tree's.
 */

/** Kernel clock ticks per second of /proc's times (`getconf CLK_TCK`; 100 on Linux). */
export const TICKS_PER_SECOND = 100;

/** A /proc file's text, or undefined when its process is gone. */
export function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // The process exited between listing and reading.
  }
}

/** The live child processes of `pid` (of any of its threads). */
export function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((task) =>
    (read(`/proc/${pid}/task/${task}/children`) ?? '').split(' ').filter(Boolean).map(Number),
  );
}

/** Every live process below `pid`, children first. */
export function descendants(pid: number): number[] {
  return childrenOf(pid).flatMap((child) => [child, ...descendants(child)]);
}

/** The fields of a /proc `stat` file that the benches read (times in seconds). */
export interface ProcStat {
  comm: string;
  ppid: number;
  /** utime + stime. */
  own: number;
  /** cutime + cstime of reaped children. */
  reaped: number;
}

/** A process's or thread's /proc `stat` file, or undefined when it is gone. */
export function procStat(path: string): ProcStat | undefined {
  const text = read(path);
  if (!text) return undefined;
  const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
  // Fields after "pid (comm) ": ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return {
    comm,
    ppid: Number(fields[1]),
    own: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    reaped: (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND,
  };
}

/**
 * CPU seconds of a process's own threads and of its children it has reaped (cutime, cstime):
 * a killed or recycled engine process keeps counting once reaped.
 */
function cpuSecondsOf(pid: number): number {
  const stat = procStat(`/proc/${pid}/stat`);
  return stat ? stat.own + stat.reaped : 0;
}

/** Resident and peak resident memory of one process now, in MB (0 when it is gone). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = read(`/proc/${pid}/status`) ?? '';
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

function rssBytesOf(pid: number): number {
  return memoryOf(pid).rssMb * 1024 * 1024;
}

/**
 * Proportional set size: resident bytes with each shared page divided among the processes that
 * map it. A worker and its PP-OCR child map the same node binary and libraries, so the sum of
 * their RSS counts those pages twice; the sum of PSS counts them once.
 */
function pssBytesOf(pid: number): number {
  const kb = /^Pss:\s+(\d+)/m.exec(read(`/proc/${pid}/smaps_rollup`) ?? '')?.[1];
  return Number(kb ?? 0) * 1024;
}

/** Resident memory of a process and its live descendants now, summed (RSS and PSS). */
export function treeMemory(pid: number): { rssBytes: number; pssBytes: number; processes: number } {
  const pids = [pid, ...descendants(pid)];
  return {
    rssBytes: pids.reduce((sum, p) => sum + rssBytesOf(p), 0),
    pssBytes: pids.reduce((sum, p) => sum + pssBytesOf(p), 0),
    processes: pids.length,
  };
}

/** CPU seconds used so far by this process and every live or reaped descendant. */
export function treeCpuSeconds(): number {
  return [process.pid, ...descendants(process.pid)].reduce(
    (sum, pid) => sum + cpuSecondsOf(pid),
    0,
  );
}

/** Resident bytes of this process and its live descendants now. */
export function treeRssBytes(): number {
  return [process.pid, ...descendants(process.pid)].reduce((sum, pid) => sum + rssBytesOf(pid), 0);
}
