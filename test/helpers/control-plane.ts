/**
 * One real control plane per integration-test run.
 *
 * As node's `--test-global-setup` module (see the `test:integration` script) it starts the
 * plane once before any test file runs and exports KUBECONFIG / ORK_TEST_KUBECONFIG /
 * ORK_TEST_PLANE_DIR / ORK_TEST_KUBECTL to the test processes; the teardown stops it by PID,
 * also when tests failed or the run was interrupted (a watchdog stops it even if the runner is
 * killed). The three servers' logs are printed when start-up fails or any test failed.
 *
 * Test files import `testPlane()`, `kubeConfig()` and `createTestNamespace()`: tests share the
 * plane and isolate themselves by namespace (cluster-scoped objects get unique names).
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { PlaneError } from '../../compiler/plane/plane-error.ts';
import { planeLogs, startControlPlane, stopPlane } from '../../compiler/plane/plane.ts';

let planeDir: string | undefined;

/** Global setup: starts the plane (building the binaries if needed) and exports its coordinates. */
export async function globalSetup(): Promise<void> {
  const t0 = Date.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ork-test-plane-'));
  const log = (line: string): void => void process.stderr.write(`# ${line}\n`);
  try {
    const plane = await startControlPlane({ dir, log, ownerPid: process.pid });
    planeDir = plane.dir;
    Object.assign(process.env, {
      KUBECONFIG: plane.kubeconfig,
      ORK_TEST_KUBECONFIG: plane.kubeconfig,
      ORK_TEST_PLANE_DIR: plane.dir,
      ORK_TEST_KUBECTL: plane.kubectl,
    });
    log(`control plane ${plane.k8sVersion ?? ''} ready at ${plane.apiUrl} in ${((Date.now() - t0) / 1000).toFixed(1)} s (dir ${plane.dir})`);
  } catch (err) {
    if (err instanceof PlaneError) process.stderr.write(`control plane start-up failed: ${err.message}\n${err.details}\n${err.hint ?? ''}\n`);
    throw err;
  }
}

/** Global teardown: prints the servers' logs if the run failed, then stops the plane. */
export async function globalTeardown(): Promise<void> {
  const dir = planeDir;
  if (dir === undefined) return;
  planeDir = undefined; // the runner may call the teardown twice (on a signal, then at exit)
  if (process.exitCode !== undefined && process.exitCode !== 0) {
    process.stderr.write(`# the run failed; control plane logs (${dir}):\n${await planeLogs(dir)}\n`);
  }
  const t0 = Date.now();
  await stopPlane(dir); // also removes the directory
  process.stderr.write(`# control plane stopped in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

/** Coordinates of the run's control plane, for a test file. */
export interface TestPlane {
  readonly kubeconfig: string;
  readonly kubectl: string;
  readonly dir: string;
}

/** The run's control plane; throws a clear error when the file runs outside `npm run test:integration`. */
export function testPlane(): TestPlane {
  const kubeconfig = process.env['ORK_TEST_KUBECONFIG'];
  const kubectl = process.env['ORK_TEST_KUBECTL'];
  const dir = process.env['ORK_TEST_PLANE_DIR'];
  if (!kubeconfig || !kubectl || !dir) {
    throw new Error('no test control plane: run integration tests with `npm run test:integration` (it starts one via --test-global-setup)');
  }
  return { kubeconfig, kubectl, dir };
}

/** A client-node KubeConfig for the run's plane (admin: system:masters). */
export function kubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(testPlane().kubeconfig);
  return kc;
}

/** A short random suffix for names of cluster-scoped objects. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

/** Creates a namespace `PREFIX-<random>` and returns its name; `deleteNamespace` removes it (without waiting). */
export async function createTestNamespace(prefix: string): Promise<string> {
  const name = `${prefix}-${uniqueSuffix()}`;
  await kubeConfig().makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name, labels: { 'ork.test/run': 'integration' } } } });
  return name;
}

/** Deletes a test namespace (ignores one that is already gone). */
export async function deleteNamespace(name: string): Promise<void> {
  await kubeConfig()
    .makeApiClient(CoreV1Api)
    .deleteNamespace({ name })
    .catch((err: unknown) => {
      if ((err as { code?: number }).code !== 404) throw err;
    });
}

/** Polls `check` every `intervalMs` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
