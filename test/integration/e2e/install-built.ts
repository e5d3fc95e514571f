/**
 * Installs what `ork build -o <out>` produced on the test plane, except the Deployment (no
 * kubelet runs pods here; tests run the operator as a process): the CRDs (waited until
 * Established), then the Namespace, ServiceAccount, RBAC and ConfigMap of the bundle. Returns a
 * kubeconfig carrying the generated ServiceAccount's token, so the operator runs with exactly
 * the generated RBAC.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { testPlane } from '../../helpers/control-plane.ts';
import { serviceAccountKubeconfig } from './sa-kubeconfig.ts';

/** The ServiceAccount the bundle `<out>/manifests/operator.yaml` runs the operator as. */
export function builtServiceAccount(out: string): { namespace: string; name: string } {
  const docs = parseAllDocuments(readFileSync(path.join(out, 'manifests', 'operator.yaml'), 'utf8')).map((d) => d.toJS() as { kind: string; metadata: { name: string; namespace: string } });
  const sa = docs.find((d) => d.kind === 'ServiceAccount');
  if (!sa) throw new Error(`${out}/manifests/operator.yaml has no ServiceAccount`);
  return { namespace: sa.metadata.namespace, name: sa.metadata.name };
}

/** Applies `<out>/manifests` (no Deployment) and writes `<dir>/<sa>.kubeconfig` for `namespace/sa`. */
export function installBuilt(out: string, namespace: string, sa: string, dir: string): string {
  const plane = testPlane();
  const kubectl = (args: string[], input?: string): string =>
    execFileSync(plane.kubectl, ['--kubeconfig', plane.kubeconfig, ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}) });
  const crds = path.join(out, 'manifests', 'crds.yaml');
  kubectl(['apply', '--server-side', '--force-conflicts', '-f', crds]);
  kubectl(['wait', '--for=condition=Established', '--timeout=60s', '-f', crds]);
  kubectl(['apply', '-f', '-'], bundleWithoutDeployment(out));
  return serviceAccountKubeconfig(plane.kubectl, plane.kubeconfig, namespace, sa, dir);
}

/** Deletes what `installBuilt` applied (operator namespace, RBAC, ConfigMap, CRDs) without waiting; best effort. */
export function uninstallBuilt(out: string): void {
  const plane = testPlane();
  const del = (args: string[], input?: string): void =>
    void spawnSync(plane.kubectl, ['--kubeconfig', plane.kubeconfig, 'delete', '--wait=false', '--ignore-not-found', ...args], { encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
  del(['-f', '-'], bundleWithoutDeployment(out));
  del(['-f', path.join(out, 'manifests', 'crds.yaml')]);
}

/** `<out>/manifests/operator.yaml` without its Deployment, as multi-document YAML. */
function bundleWithoutDeployment(out: string): string {
  const docs = parseAllDocuments(readFileSync(path.join(out, 'manifests', 'operator.yaml'), 'utf8')).map((d) => d.toJS() as { kind: string });
  return docs.filter((d) => d.kind !== 'Deployment').map((d) => `---\n${stringify(d)}`).join('');
}
