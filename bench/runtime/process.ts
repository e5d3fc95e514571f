/**
 * A system under test as an OS process: spawned with its log lines captured (each stamped with
 * its arrival time), its resident memory read from /proc/<pid>/status, stopped by signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One log line and when the bench received it (ms since the epoch). */
export interface StampedLine {
  readonly at: number;
  readonly text: string;
}

/** A spawned process. */
export interface RunningProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** When the bench spawned it (ms since the epoch). */
  readonly spawnedAt: number;
  readonly lines: StampedLine[];
  /** Resolves with the arrival time of the first line matching `re` (already seen or future); rejects after `timeoutMs` or on exit. */
  waitForLine(re: RegExp, timeoutMs: number): Promise<number>;
  /** Sends `signal`, resolves with the exit code (null when it had to be SIGKILLed after `timeoutMs`). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

/** Spawns `command args…` with `env` merged over the bench's environment. */
export function startProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): RunningProcess {
  const spawnedAt = Date.now();
  const child = spawn(command, [...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`bench: cannot start ${command}`);
  const lines: StampedLine[] = [];
  const waiters = new Set<{ re: RegExp; resolve: (at: number) => void }>();
  const onData = (() => {
    let buf = '';
    return (chunk: Buffer): void => {
      buf += chunk.toString('utf8');
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = { at: Date.now(), text: buf.slice(0, i) };
        buf = buf.slice(i + 1);
        lines.push(line);
        if (lines.length > 5000) lines.splice(0, 1000);
        for (const w of waiters) if (w.re.test(line.text)) (waiters.delete(w), w.resolve(line.at));
      }
    };
  })();
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    pid: child.pid,
    spawnedAt,
    lines,
    waitForLine: (re, timeoutMs) => {
      const seen = lines.find((l) => re.test(l.text));
      if (seen) return Promise.resolve(seen.at);
      return new Promise((resolve, reject) => {
        const w = { re, resolve: (at: number) => (clearTimeout(t), resolve(at)) };
        const t = setTimeout(() => (waiters.delete(w), reject(new Error(`bench: no line matching ${re} from ${command} within ${timeoutMs} ms; last lines:\n${tail(lines)}`))), timeoutMs);
        waiters.add(w);
        void exited.then((code) => {
          if (!waiters.has(w)) return;
          waiters.delete(w);
          clearTimeout(t);
          reject(new Error(`bench: ${command} exited (${code}) before a line matching ${re}; last lines:\n${tail(lines)}`));
        });
      });
    },
    stop: (signal = 'SIGTERM', timeoutMs = 30_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
      const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.kill(signal);
      return exited.then((code) => (clearTimeout(t), code));
    },
  };
}

/** Resident set size of `pid` in MiB (VmRSS from /proc/<pid>/status). */
export function rssMiB(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`bench: no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}

/** CPU time (user + system) `pid` has used so far, seconds (/proc/<pid>/stat, clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (comm) "
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (fields 14 and 15 of stat)
}

function tail(lines: readonly StampedLine[]): string {
  return lines.slice(-15).map((l) => l.text).join('\n');
}
