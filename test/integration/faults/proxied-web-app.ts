/**
 * The web-app operator behind a TcpProxy, as the watch, outage and conflict fault tests use it:
 * built once (test/soak/web-app-operator.ts), its CRD installed, its own Lease namespace and CR
 * namespace, and every byte between the operator and the API server passing through a proxy the
 * test can cut or pause. The test's own client talks to the API server directly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KubeClient } from '../../../runtime-kit/client/rest.ts';
import { createTestNamespace, testPlane } from '../../helpers/control-plane.ts';
import { proxiedKubeconfig, type TcpProxy } from '../../helpers/tcp-proxy.ts';
import { releaseAndDelete } from '../../soak/cleanup.ts';
import { scrape, metricValue } from '../../soak/metrics.ts';
import { buildWebApp, installCrd, type WebAppVariant } from '../../soak/web-app-operator.ts';
import { adminClient, WebApps } from '../../soak/webapps.ts';
import { startOperator, type OperatorProcess } from '../e2e/operator-process.ts';

/** A running proxied operator and the test's handles on it. */
export interface ProxiedWebApp {
  readonly op: OperatorProcess;
  readonly proxy: TcpProxy;
  /** Direct admin client (not through the proxy). */
  readonly client: KubeClient;
  /** WebApps in the CR namespace, through the direct client. */
  readonly apps: WebApps;
  readonly ns: string;
  /** The operator's API request attempts so far, summed over `methods` (all when empty), from /metrics. */
  requests(...methods: string[]): Promise<number>;
  /** Stops the operator (returns its exit code), closes the proxy, releases finalizers, deletes the namespaces. */
  close(): Promise<number | null>;
}

/** Builds (memoized) and starts the web-app operator behind a proxy; `prefix` names the namespaces. */
export async function startProxiedWebApp(prefix: string, variant: WebAppVariant = {}, env: NodeJS.ProcessEnv = {}): Promise<ProxiedWebApp> {
  const plane = testPlane();
  const build = await buildWebApp(variant);
  installCrd(plane, build);
  const client = await adminClient(plane.kubeconfig);
  const ns = await createTestNamespace(prefix);
  const leaseNs = await createTestNamespace(`${prefix}-lease`);
  const { proxy, kubeconfig } = await proxiedKubeconfig(plane.kubeconfig, mkdtempSync(path.join(tmpdir(), 'ork-proxied-')));
  const op = await startOperator(build.bundle, kubeconfig, { ORK_NAMESPACE: leaseNs, ...env });
  return {
    op,
    proxy,
    client,
    apps: new WebApps(client, ns),
    ns,
    async requests(...methods) {
      const text = await scrape(op.port);
      if (text === undefined) throw new Error('the operator does not answer /metrics');
      if (methods.length === 0) return metricValue(text, 'ork_api_requests_total');
      return methods.reduce((sum, method) => sum + metricValue(text, 'ork_api_requests_total', { method }), 0);
    },
    async close() {
      const code = await op.stop();
      await proxy.close();
      await releaseAndDelete(client, ns, leaseNs);
      return code;
    },
  };
}
