/**
 * The project-local control plane behind `ork plane` and `ork up`: run directory
 * `.ork/plane/` and admin kubeconfig `.ork/kubeconfig` under the current directory.
 */
import { chmod, copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { PlaneError } from '../plane/plane-error.ts';
import { startControlPlane, type ControlPlane } from '../plane/plane.ts';
import { CliError, EXIT_INVALID } from './exit.ts';

/** Where the plane of the project in `cwd` keeps its certificates, logs and PID files. */
export function planeDir(cwd: string): string {
  return path.join(cwd, '.ork', 'plane');
}

/** The admin kubeconfig `ork plane start` writes for the project in `cwd`. */
export function kubeconfigPath(cwd: string): string {
  return path.join(cwd, '.ork', 'kubeconfig');
}

/** Progress lines of the scripts go to stderr (stdout is kept for results). */
export function stderrLogger(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Starts (or reuses) the plane of the project in `cwd` and writes `.ork/kubeconfig`.
 * Resolves once /readyz is 200.
 */
export async function startLocalPlane(cwd: string): Promise<{ plane: ControlPlane; kubeconfig: string }> {
  const plane = await startControlPlane({ dir: planeDir(cwd), log: stderrLogger }).catch(rethrowAsCliError);
  const kubeconfig = kubeconfigPath(cwd);
  await copyFile(plane.kubeconfig, kubeconfig);
  await chmod(kubeconfig, 0o600); // it holds the admin token
  return { plane, kubeconfig };
}

/** Removes `.ork/kubeconfig` (after the plane was stopped). */
export async function removeKubeconfig(cwd: string): Promise<void> {
  await rm(kubeconfigPath(cwd), { force: true });
}

/** Turns a PlaneError into a CliError (its log tails go to stderr first); rethrows anything else. */
export function rethrowAsCliError(err: unknown): never {
  if (err instanceof PlaneError) {
    if (err.details) process.stderr.write(`${err.details}\n`);
    throw new CliError(err.message, EXIT_INVALID, err.hint);
  }
  throw err;
}
