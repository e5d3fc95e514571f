/**
 * Measure 4b — heap per cached object: ConfigMaps (2 labels, 2 data keys, as in
 * docs/informer-and-leader.md) created in a namespace of their own up to each count; at each
 * count every probe (a fresh child process per probe) caches the same ConfigMaps and reports its
 * heap after GC; bytes per object = (heap at n − heap at 0) / n. Probes: ork's runtime-kit
 * informer (`heap-child.ts`, V8 `heapUsed`) and the controller-runtime peer's cache
 * (`--heap-configmaps`, Go `HeapAlloc`), with managedFields dropped as ork does and as the peer
 * operator runs it (kept).
 */
import path from 'node:path';
import type { KubeClient } from '../../runtime-kit/client/rest.ts';
import { REPO_ROOT } from '../../test/helpers/run-ork.ts';
import { ensureNamespace, inParallel } from './plane.ts';
import { startProcess } from './process.ts';
import { buildPeer } from './systems.ts';

/** One probe at one count. */
export interface HeapPoint {
  readonly objects: number;
  readonly heapMiB: number;
  /** Bytes of heap per cached object above the empty cache (undefined at 0). */
  readonly bytesPerObject: number | undefined;
  readonly syncMs: number;
}

/** What a probe child prints: cached objects, heap in use after GC (bytes), list+sync time. */
interface ProbeLine {
  readonly objects: number;
  readonly heapUsed: number;
  readonly syncMs: number;
}

/** A way to cache a namespace's ConfigMaps in a fresh process and report its heap. */
export interface HeapProbe {
  readonly name: string;
  /** The command line of the child (it prints one `{"objects",…}` line and exits). */
  command(kubeconfig: string, namespace: string): { command: string; args: string[] };
}

/** ork: the runtime kit's `Informer` (managedFields stripped, its default), V8 heapUsed after `gc()`. */
export const orkHeapProbe: HeapProbe = {
  name: 'ork',
  command: (kubeconfig, namespace) => ({
    command: path.join(REPO_ROOT, 'node_modules', '.bin', 'node'),
    args: ['--expose-gc', path.join(REPO_ROOT, 'bench', 'runtime', 'heap-child.ts'), kubeconfig, namespace],
  }),
};

/** The peer: a controller-runtime cache for ConfigMaps, Go HeapAlloc after `runtime.GC()`; `strip` drops managedFields like ork. */
export function peerHeapProbe(strip: boolean): HeapProbe {
  let binary: string | undefined;
  return {
    name: strip ? 'peer' : 'peer-managedFields',
    command: (kubeconfig, namespace) => {
      binary ??= buildPeer();
      return { command: binary, args: ['--kubeconfig', kubeconfig, '--heap-configmaps', namespace, ...(strip ? ['--strip-managed-fields'] : [])] };
    },
  };
}

/** Heap of every probe caching 0 and each of `counts` ConfigMaps (the same objects for all probes); by probe name. */
export async function measureHeap(admin: KubeClient, kubeconfig: string, counts: readonly number[], probes: readonly HeapProbe[]): Promise<Map<string, HeapPoint[]>> {
  const ns = `bench-heap-${Date.now().toString(36)}`;
  await ensureNamespace(admin, ns);
  const out = new Map<string, HeapPoint[]>(probes.map((p) => [p.name, []]));
  const base = new Map<string, number>();
  let have = 0;
  for (const n of [0, ...counts]) {
    const names = Array.from({ length: n - have }, (_, i) => `cm-${have + i}`);
    await inParallel(names, 32, async (name) => {
      await admin.create({ group: '', version: 'v1', plural: 'configmaps', namespace: ns }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels: { app: 'bench', index: name } }, data: { a: 'alpha', b: `value-${name}` } });
    });
    have = n;
    for (const probe of probes) {
      const r = await runProbe(probe, kubeconfig, ns);
      if (r.objects !== n) throw new Error(`bench: the ${probe.name} heap child cached ${r.objects} ConfigMaps, expected ${n}`);
      if (n === 0) base.set(probe.name, r.heapUsed);
      const zero = base.get(probe.name) ?? 0;
      out.get(probe.name)!.push({ objects: n, heapMiB: r.heapUsed / 2 ** 20, bytesPerObject: n === 0 ? undefined : (r.heapUsed - zero) / n, syncMs: r.syncMs });
    }
  }
  await admin.delete({ group: '', version: 'v1', plural: 'namespaces', name: ns }).catch(() => undefined);
  return out;
}

async function runProbe(probe: HeapProbe, kubeconfig: string, namespace: string): Promise<ProbeLine> {
  const { command, args } = probe.command(kubeconfig, namespace);
  const p = startProcess(command, args);
  await p.waitForLine(/^\{"objects"/, 300_000);
  const line = p.lines.find((l) => l.text.startsWith('{"objects"'))!;
  await p.stop();
  return JSON.parse(line.text) as ProbeLine;
}
