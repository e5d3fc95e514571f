/** Starts a built operator as a child process against the test plane, and stops it with SIGTERM. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A running operator process. */
export interface OperatorProcess {
  readonly child: ChildProcess;
  /** Every log line so far (JSON lines). */
  readonly lines: string[];
  /** The HTTP port it listens on. */
  readonly port: number;
  /** SIGTERM, then the exit code (null when it had to be killed after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<number | null>;
}

/** Options of `startOperator`. */
export interface StartOptions {
  /**
   * A command the operator runs under (e.g. `['strace', '-f', '-o', file]`): spawned as
   * `<via…> node <bundle> …`; `stop()` then signals the operator itself, not the wrapper.
   */
  readonly via?: readonly string[];
}

/** Spawns `node <bundle> --kubeconfig <file>` on a free port; resolves once it serves HTTP. */
export async function startOperator(bundle: string, kubeconfig: string, env: NodeJS.ProcessEnv = {}, opts: StartOptions = {}): Promise<OperatorProcess> {
  const node = path.resolve('node_modules/.bin/node');
  const argv = [node, bundle, '--kubeconfig', kubeconfig];
  const [cmd, ...args] = opts.via && opts.via.length > 0 ? [...opts.via, ...argv] : argv;
  const child = spawn(cmd!, args, { env: { ...process.env, ORK_PORT: '0', ORK_LOG_LEVEL: 'debug', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  /** Signals the operator: the child itself, or (with `via`) the wrapper's child processes. */
  const signal = (sig: NodeJS.Signals): void => {
    if (!opts.via) {
      child.kill(sig);
      return;
    }
    let kids: string[] = [];
    try {
      kids = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      /* the wrapper is gone */
    }
    for (const pid of kids) process.kill(Number(pid), sig);
    if (sig === 'SIGKILL') child.kill(sig);
  };
  const lines: string[] = [];
  let buf = '';
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      buf += chunk.toString('utf8');
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push(line);
        try {
          const o = JSON.parse(line) as { msg?: string; port?: number };
          if (o.msg === 'operator starting' && typeof o.port === 'number') resolve(o.port);
        } catch {
          /* not JSON */
        }
      }
    };
    child.stderr!.on('data', onData);
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`operator exited with ${code} before serving:\n${lines.join('\n')}`)));
    setTimeout(() => reject(new Error(`operator did not start in 60 s:\n${lines.join('\n')}`)), 60_000).unref();
  });
  return {
    child,
    lines,
    port,
    stop: (timeoutMs = 30_000) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode); // already gone (a killed process has no exit code)
        const t = setTimeout(() => {
          signal('SIGKILL');
          resolve(null);
        }, timeoutMs);
        child.once('exit', (code) => {
          clearTimeout(t);
          resolve(code);
        });
        signal('SIGTERM');
      }),
  };
}
