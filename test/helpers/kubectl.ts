/** kubectl against the run's test plane (admin by default), for integration tests. */
import { execFileSync } from 'node:child_process';
import { testPlane } from './control-plane.ts';

/** Runs `kubectl args…` (stdin `input`) as admin or with `kubeconfig`; returns stdout, throws on a non-zero exit. */
export function kubectl(args: readonly string[], input?: string, kubeconfig?: string): string {
  const plane = testPlane();
  return execFileSync(plane.kubectl, ['--kubeconfig', kubeconfig ?? plane.kubeconfig, ...args], {
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024, // `get --raw /metrics` of the apiserver is several MiB
    ...(input !== undefined ? { input } : {}),
  });
}

/** `kubectl get … -o json` parsed, or undefined when the object does not exist (or kubectl fails). */
export function getJson<T>(args: readonly string[], kubeconfig?: string): T | undefined {
  try {
    return JSON.parse(kubectl(['get', ...args, '-o', 'json'], undefined, kubeconfig)) as T;
  } catch {
    return undefined;
  }
}
