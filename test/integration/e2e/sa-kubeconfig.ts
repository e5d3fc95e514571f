/** A kubeconfig for a ServiceAccount of the test plane: the plane's cluster entry with a token minted by the TokenRequest API. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/** Writes `<dir>/<sa>.kubeconfig` for ServiceAccount `namespace/sa` and returns its path. */
export function serviceAccountKubeconfig(kubectl: string, adminKubeconfig: string, namespace: string, sa: string, dir: string): string {
  const token = execFileSync(kubectl, ['--kubeconfig', adminKubeconfig, 'create', 'token', sa, '-n', namespace, '--duration=1h'], { encoding: 'utf8' }).trim();
  const admin = parse(readFileSync(adminKubeconfig, 'utf8')) as { clusters: unknown[]; 'current-context': string; contexts: Array<{ name: string; context: { cluster: string } }> };
  const ctx = admin.contexts.find((c) => c.name === admin['current-context'])!;
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: admin.clusters,
    users: [{ name: sa, user: { token } }],
    contexts: [{ name: sa, context: { cluster: ctx.context.cluster, user: sa } }],
    'current-context': sa,
  };
  const file = path.join(dir, `${sa}.kubeconfig`);
  writeFileSync(file, stringify(config), { mode: 0o600 });
  return file;
}
