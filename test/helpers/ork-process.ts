/**
 * A long-running `bin/ork` (`ork run`, `ork up`) as a child process: its combined output so far,
 * waiting for a line, and stopping it the way a user does (Ctrl-C = SIGINT to ork only).
 * Short-lived commands use `runOrk` (run-ork.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './run-ork.ts';

/** A running `ork` command. */
export interface OrkProcess {
  readonly child: ChildProcess;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  /** Resolves with the first match of `re` in the output from offset `from` on; rejects after `timeoutMs` or when ork exits first. */
  waitFor(re: RegExp, timeoutMs: number, from?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once ork exited (null: killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Sends `signal` (default SIGINT, as Ctrl-C), then resolves with the exit code; SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

/** Spawns `bin/ork args…` in `cwd` with NO_COLOR and `env` added to this process's environment. */
export function startOrk(args: readonly string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): OrkProcess {
  return startCommand(path.join(REPO_ROOT, 'bin', 'ork'), args, { cwd: opts.cwd, env: { ...process.env, NO_COLOR: '1', ...opts.env } });
}

/** Spawns any command that runs ork (e.g. `bash -c 'ork up'`) with exactly `env`; same handle as `startOrk`. */
export function startCommand(command: string, args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): OrkProcess {
  const child = spawn(command, [...args], { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let exitCode: number | null | undefined;
  const listeners = new Set<() => void>();
  const onData = (c: Buffer): void => {
    out += c.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      for (const l of listeners) l();
      resolve(code);
    }),
  );
  return {
    child,
    output: () => out,
    exited,
    waitFor: (re, timeoutMs, from = 0) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const m = out.slice(from).match(re);
          if (m) done(() => resolve(m));
          else if (exitCode !== undefined) done(() => reject(new Error(`ork exited (${exitCode}) before printing ${re}; output:\n${out.slice(-4000)}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${re}; output:\n${out.slice(-4000)}`))), timeoutMs);
        const done = (f: () => void): void => {
          clearTimeout(timer);
          listeners.delete(check);
          f();
        };
        listeners.add(check);
        check();
      }),
    stop: (signal = 'SIGINT', timeoutMs = 60_000) => {
      if (exitCode !== undefined) return Promise.resolve(exitCode);
      const t = setTimeout(() => {
        child.kill('SIGKILL');
        // ork cannot stop its operators any more: do it for it (they would outlive the test plane).
        for (const m of out.matchAll(/operator started \(pid (\d+)\)/g)) {
          try {
            process.kill(Number(m[1]), 'SIGKILL');
          } catch {
            /* already gone */
          }
        }
      }, timeoutMs);
      child.kill(signal);
      return exited.finally(() => clearTimeout(t));
    },
  };
}
