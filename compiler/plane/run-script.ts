/**
 * Runs the control plane's bash scripts (test/control-plane/): the scripts are the one
 * implementation of building, starting and stopping; this module only drives them.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PlaneError } from './plane-error.ts';

/** Directory of the control plane scripts (ensure-binaries, plane.sh, the go.mod wrappers). */
export const SCRIPTS_DIR = path.resolve(import.meta.dirname, '..', '..', 'test', 'control-plane');

/** Receives progress lines (the scripts' stderr), one at a time, without the newline. */
export type PlaneLogger = (line: string) => void;

export interface ScriptResult {
  readonly code: number;
  readonly stdout: string;
  /** The script's stderr (progress and, on failure, the servers' log tails). */
  readonly stderr: string;
}

/** Runs `bash SCRIPTS_DIR/script args…`, streaming stderr lines to `log`. Never rejects for a non-zero exit. */
export function runScript(script: string, args: readonly string[], opts: { env?: NodeJS.ProcessEnv; log?: PlaneLogger } = {}): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(SCRIPTS_DIR, script), ...args], {
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      const lines = (partial + c).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) opts.log?.(line);
    });
    child.on('error', (err) => reject(new PlaneError(`cannot run ${script}: ${err.message}`, 'bash must be installed and on PATH')));
    child.on('close', (code, signal) => {
      if (partial) opts.log?.(partial);
      resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr });
    });
  });
}

/** Parses `KEY=VALUE` lines (an optional leading `export ` is ignored; other lines are skipped). */
export function parseKeyValues(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const m = /^(?:export\s+)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(raw.trim());
    if (m?.[1] !== undefined) out.set(m[1], m[2] ?? '');
  }
  return out;
}
