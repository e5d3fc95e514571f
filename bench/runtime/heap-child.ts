/**
 * Child process of measure 4b (run with --expose-gc): one runtime-kit informer on the ConfigMaps
 * of a namespace, synced, then heapUsed after two full GCs, printed as one JSON line.
 * Usage: node --expose-gc heap-child.ts <kubeconfig> <namespace>
 */
import { loadConnection } from '../../runtime-kit/client/config.ts';
import { KubeClient } from '../../runtime-kit/client/rest.ts';
import { Informer } from '../../runtime-kit/informer/informer.ts';

const [kubeconfig, namespace] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!kubeconfig || !namespace || !gc) {
  process.stderr.write('usage: node --expose-gc bench/runtime/heap-child.ts <kubeconfig> <namespace>\n');
  process.exit(2);
}
const client = new KubeClient({ connection: await loadConnection({ kubeconfig }), qps: 0 });
const informer = new Informer({ client, selection: { ref: { group: '', version: 'v1', plural: 'configmaps', namespace } } }, { resyncMs: 0 });
informer.start();
const t0 = performance.now();
if (!(await informer.waitForSync())) process.exit(1);
const syncMs = performance.now() - t0;
for (let i = 0; i < 3; i++) {
  gc();
  await new Promise((r) => setTimeout(r, 100));
}
const { heapUsed } = process.memoryUsage();
process.stdout.write(`${JSON.stringify({ objects: informer.cache.size, heapUsed, syncMs })}\n`);
await informer.stop();
process.exit(0);
