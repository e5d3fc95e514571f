/**
 * Runs the external tools the image builder needs (ldd, dpkg-query, strip, podman) without a
 * shell, and turns a failure into an {@link ImageBuildError} that names the command and shows
 * its stderr.
 */
import { execFile } from 'node:child_process';

/** An image build step failed; `details` holds the tool's output, `hint` what to do. */
export class ImageBuildError extends Error {
  readonly details: string;
  readonly hint: string | undefined;
  constructor(message: string, details = '', hint?: string) {
    super(message);
    this.name = 'ImageBuildError';
    this.details = details;
    this.hint = hint;
  }
}

/** stdout and stderr of a finished command. */
export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cmd args` (no shell); rejects with an ImageBuildError when it exits non-zero or is missing. */
export function run(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, maxBuffer: 64 * 1024 * 1024, timeout: opts.timeoutMs ?? 600_000 }, (err, stdout, stderr) => {
      if (err) {
        const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
        reject(new ImageBuildError(
          missing ? `${cmd} is not installed` : `${cmd} ${args.join(' ')} failed (exit ${String((err as { code?: unknown }).code)})`,
          `${stderr}${stdout}`.trim(),
          missing ? 'run test/image/ensure-podman (installs podman, runc, binutils) as root' : undefined,
        ));
        return;
      }
      resolve({ stdout, stderr });
    });
  });
}

/** True when `cmd` can be run (`cmd --version` exits 0). */
export async function hasCommand(cmd: string): Promise<boolean> {
  try {
    await run(cmd, ['--version'], { timeoutMs: 20_000 });
    return true;
  } catch {
    return false;
  }
}
