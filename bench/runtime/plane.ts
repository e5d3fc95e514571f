/**
 * The bench's control plane and its admin access: starts the local plane (compiler/plane) in a
 * temporary directory, stopped when the bench ends (a watchdog stops it even if the bench is
 * killed), and gives an admin `KubeClient` without client-side rate limit, for the bench's own
 * writes (creating CRs, drifting children, cleaning up).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startControlPlane, type ControlPlane } from '../../compiler/plane/plane.ts';
import { loadConnection } from '../../runtime-kit/client/config.ts';
import { parseKubeconfig } from '../../runtime-kit/client/kubeconfig.ts';
import { KubeClient } from '../../runtime-kit/client/rest.ts';
import { AlreadyExistsError } from '../../runtime-kit/client/errors.ts';

/** A running plane plus admin access. */
export interface BenchPlane {
  readonly plane: ControlPlane;
  /** Admin client (system:masters), unlimited qps, for the bench's own requests. */
  readonly admin: KubeClient;
  /**
   * The plane's kubeconfig as JSON (`kubectl config view --flatten -o json`'s form), which both
   * systems under test are given: an operator in a cluster reads no kubeconfig at all, and ork's
   * kit parses a JSON one without loading its YAML parser (~0.5 MiB; measured as a variant).
   */
  readonly operatorKubeconfig: string;
}

/** Starts a fresh control plane for this bench run; `log` receives progress lines. */
export async function startBenchPlane(log: (line: string) => void): Promise<BenchPlane> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ork-bench-plane-'));
  const plane = await startControlPlane({ dir, log, ownerPid: process.pid });
  const connection = await loadConnection({ kubeconfig: plane.kubeconfig });
  const admin = new KubeClient({ connection, qps: 0, fieldManager: 'ork-bench', userAgent: 'ork-bench' });
  const operatorKubeconfig = path.join(dir, 'kubeconfig.json');
  await writeFile(operatorKubeconfig, JSON.stringify(await parseKubeconfig(await readFile(plane.kubeconfig, 'utf8'))));
  return { plane, admin, operatorKubeconfig };
}

/** Runs `fn` over `items` with at most `limit` in flight; resolves when all are done (rejects on the first failure). */
export async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Creates a namespace (ignores one that exists). */
export async function ensureNamespace(admin: KubeClient, name: string): Promise<void> {
  await admin.create({ group: '', version: 'v1', plural: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }).catch((err: unknown) => {
    if (!(err instanceof AlreadyExistsError)) throw err;
  });
}
