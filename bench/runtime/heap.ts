/**
 * Measure 4b — heap per cached object: ConfigMaps (2 labels, 2 data keys, as in
 * docs/informer-and-leader.md) created in a namespace of their own up to each count; a fresh
 * child process caches them with the runtime kit's informer and reports heapUsed after GC;
 * bytes per object = (heap at n − heap at 0) / n.
 */
import path from 'node:path';
import type { KubeClient } from '../../runtime-kit/client/rest.ts';
import { REPO_ROOT } from '../../test/helpers/run-ork.ts';
import { ensureNamespace, inParallel } from './plane.ts';
import { startProcess } from './process.ts';

export interface HeapPoint {
  readonly objects: number;
  readonly heapMiB: number;
  /** Bytes of heap per cached object above the empty cache (undefined at 0). */
  readonly bytesPerObject: number | undefined;
  readonly syncMs: number;
}

/** Heap of an informer caching 0 and each of `counts` ConfigMaps. */
export async function measureHeap(admin: KubeClient, kubeconfig: string, counts: readonly number[]): Promise<HeapPoint[]> {
  const ns = `bench-heap-${Date.now().toString(36)}`;
  await ensureNamespace(admin, ns);
  const points: HeapPoint[] = [];
  let have = 0;
  let base = 0;
  for (const n of [0, ...counts]) {
    const names = Array.from({ length: n - have }, (_, i) => `cm-${have + i}`);
    await inParallel(names, 32, async (name) => {
      await admin.create({ group: '', version: 'v1', plural: 'configmaps', namespace: ns }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels: { app: 'bench', index: name } }, data: { a: 'alpha', b: `value-${name}` } });
    });
    have = n;
    const r = await heapOfChild(kubeconfig, ns);
    if (r.objects !== n) throw new Error(`bench: the heap child cached ${r.objects} ConfigMaps, expected ${n}`);
    if (n === 0) base = r.heapUsed;
    points.push({ objects: n, heapMiB: r.heapUsed / 2 ** 20, bytesPerObject: n === 0 ? undefined : (r.heapUsed - base) / n, syncMs: r.syncMs });
  }
  await admin.delete({ group: '', version: 'v1', plural: 'namespaces', name: ns }).catch(() => undefined);
  return points;
}

async function heapOfChild(kubeconfig: string, namespace: string): Promise<{ objects: number; heapUsed: number; syncMs: number }> {
  const node = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
  const p = startProcess(node, ['--expose-gc', path.join(REPO_ROOT, 'bench', 'runtime', 'heap-child.ts'), kubeconfig, namespace]);
  await p.waitForLine(/^\{"objects"/, 300_000);
  const line = p.lines.find((l) => l.text.startsWith('{"objects"'))!;
  await p.stop();
  return JSON.parse(line.text) as { objects: number; heapUsed: number; syncMs: number };
}
