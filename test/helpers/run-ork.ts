/** Runs the real `ork` launcher (bin/ork) as a child process, as a user would. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface OrkResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Absolute path of the repository root. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Runs `bin/ork args…` in `cwd` (default: the repository root) and collects its output. */
export function runOrk(args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<OrkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(REPO_ROOT, 'bin', 'ork'), [...args], {
      cwd: opts.cwd ?? REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
