/**
 * The memory figures measured after the sessions, on the same plane: idle RSS of the 15-CRD
 * synthetic Katalog for ork and for the peer's `--crds` mode (interleaved, `runs` times each),
 * heap per cached object for ork's informer and the peer's cache (the same ConfigMaps), and
 * ork's own figures (V8 flag variants, the bare-Node floor), once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../test/helpers/run-ork.ts';
import { syntheticKinds, writeSyntheticKatalog } from '../synthetic-katalog.ts';
import { measureHeap, orkHeapProbe, peerHeapProbe, type HeapPoint, type HeapProbe } from './heap.ts';
import { idleMemory, nodeBaselineRss, VARIANT_SETTLE_MS, type IdleMemory } from './memory.ts';
import { ensureNamespace, type BenchPlane } from './plane.ts';
import { buildOrkOperator, orkSystem, peerSystem } from './systems.ts';
import { OPERATOR_NODE_FLAGS } from '../../compiler/emit/project.ts';
import { V8_VARIANTS } from './v8-variants.ts';

/** Number of synthetic CRDs of the "15-CRD" figure. */
export const SYNTHETIC_CRDS = 15;

/** What the memory side measured; a figure that failed is missing (its error is in the run's errors). */
export interface MemoryFigures {
  /** Idle 15-CRD memory per run, by system (`ork`, `peer`). */
  readonly fifteen: { readonly ork: Array<IdleMemory | undefined>; readonly peer: Array<IdleMemory | undefined> };
  /** Heap per cached object, by probe name (`ork`, `peer`, `peer-managedFields`). */
  readonly heap: ReadonlyMap<string, readonly HeapPoint[]> | undefined;
  /** ork-only idle RSS figures, label → MiB (V8 flag variants, bare Node). */
  readonly orkRss: ReadonlyArray<readonly [string, number | undefined]>;
}

/** How to run the memory side. */
export interface MemorySideOptions {
  readonly runs: number;
  readonly heapCounts: readonly number[];
  readonly withPeer: boolean;
  /** The web-app operator bundle (for the V8 flag variants). */
  readonly webAppBundle: string;
  readonly log: (line: string) => void;
  /** Runs a measure; on failure records the error and returns undefined. */
  readonly tryOr: <T>(what: string, fn: () => Promise<T>) => Promise<T | undefined>;
}

/** Measures every memory figure on `bp`'s plane. */
export async function measureMemorySide(bp: BenchPlane, o: MemorySideOptions): Promise<MemoryFigures> {
  const kubeconfig = bp.operatorKubeconfig;
  const kubectl = (...args: string[]): string => execFileSync(bp.plane.kubectl, ['--kubeconfig', bp.plane.kubeconfig, ...args], { encoding: 'utf8' });
  const orkLease = 'bench-ork-memory';
  const peerLease = 'bench-peer-memory';
  for (const ns of [orkLease, peerLease]) await ensureNamespace(bp.admin, ns);
  const fifteen = { ork: [] as Array<IdleMemory | undefined>, peer: [] as Array<IdleMemory | undefined> };
  const dir = mkdtempSync(path.join(os.tmpdir(), `ork-bench-${SYNTHETIC_CRDS}-`));
  const built = await o.tryOr(`ork build of the ${SYNTHETIC_CRDS}-CRD Katalog`, () => buildOrkOperator(writeSyntheticKatalog(dir, SYNTHETIC_CRDS)));
  if (built) {
    kubectl('apply', '--server-side', '-f', built.crds);
    kubectl('wait', '--for=condition=Established', '--all', 'crd', '--timeout=60s');
    const kindsFile = path.join(dir, 'peer-crds.json');
    writeFileSync(kindsFile, JSON.stringify({ kinds: syntheticKinds(SYNTHETIC_CRDS) }));
    const ork = orkSystem(built.bundle);
    const peer = peerSystem(['--crds', kindsFile], `controller-runtime --crds (${SYNTHETIC_CRDS})`);
    for (let run = 1; run <= o.runs; run++) {
      // side by side: each reading is a minute of idling, and one process's RSS does not depend on the other's
      o.log(`memory: ${SYNTHETIC_CRDS}-CRD idle RSS, run ${run}/${o.runs}`);
      const [orkIdle, peerIdle] = await Promise.all([
        o.tryOr(`ork ${SYNTHETIC_CRDS}-CRD idle RSS (run ${run})`, () => idleMemory(ork, kubeconfig, orkLease)),
        o.withPeer ? o.tryOr(`peer ${SYNTHETIC_CRDS}-CRD idle RSS (run ${run})`, () => idleMemory(peer, kubeconfig, peerLease)) : undefined,
      ]);
      fifteen.ork.push(orkIdle);
      if (o.withPeer) fifteen.peer.push(peerIdle);
    }
  }
  const variants: ReadonlyArray<readonly [label: string, args: readonly string[], kubeconfig: string]> = [
    [`\`${OPERATOR_NODE_FLAGS.join(' ')}\` (the image's flags) and a YAML kubeconfig (its parser loaded)`, OPERATOR_NODE_FLAGS, bp.plane.kubeconfig],
    ...V8_VARIANTS.filter((v) => v.name !== 'image').map((v) => [v.label, v.args, kubeconfig] as const),
  ];
  o.log(`memory: ork idle RSS with ${variants.length} V8 flag variants (3 min each) and the bare-Node floor, side by side`);
  // each variant leads in a Lease namespace of its own, so that every one runs its workers
  const leases = variants.map((_, i) => `bench-ork-variant-${i}`);
  for (const ns of leases) await ensureNamespace(bp.admin, ns);
  const [floor, ...rss] = await Promise.all([
    o.tryOr('bare Node RSS', () => nodeBaselineRss(path.join(REPO_ROOT, 'node_modules', '.bin', 'node'))),
    ...variants.map(([label, args, file], i) => o.tryOr(`idle RSS ${label}`, () => idleMemory(orkSystem(o.webAppBundle), file, leases[i]!, args, VARIANT_SETTLE_MS))),
  ]);
  const orkRss: Array<readonly [string, number | undefined]> = variants.map(([label], i) => [`4. idle RSS, web-app with ${label} (MiB)`, rss[i]?.rssMiB]);
  orkRss.push(['4. bare Node 24 (`node -e` with a timer) RSS floor (MiB)', floor]);
  const probes: HeapProbe[] = [orkHeapProbe, ...(o.withPeer ? [peerHeapProbe(true), peerHeapProbe(false)] : [])];
  o.log(`memory: heap per cached object at 0 / ${o.heapCounts.join(' / ')} ConfigMaps (${probes.map((p) => p.name).join(', ')})`);
  const heap = await o.tryOr('heap per cached object', () => measureHeap(bp.admin, kubeconfig, o.heapCounts, probes));
  return { fifteen, heap, orkRss };
}
