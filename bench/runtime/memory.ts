/**
 * Measure 4a — idle memory: the operator started with no CRs, caches synced, left alone for a
 * minute, then VmRSS sampled once a second; the median sample.
 *
 * A minute, not a few seconds: an idle Node operator is not yet at its idle size 10 s after
 * start. Its Lease renewals make a few functions hot, V8 optimizes them ~30 s in, and that first
 * optimizing compile pages in the compiler's own code from the `node` binary: +5.2 MiB of
 * file-backed RSS at 31 s for the 15-CRD operator with TurboFan (measured with `--trace-opt` and
 * two `/proc/<pid>/smaps` readings; the growth is all in the binary's text mapping). Readings
 * taken before that undercounted ork's idle memory by ~6 MiB up to bench run 6.
 */
import { rssMiB, startProcess } from './process.ts';
import { median } from './stats.ts';
import type { SystemUnderTest } from './systems.ts';

/** Idle memory of one replica, MiB. */
export interface IdleMemory {
  /** Median of the RSS samples. */
  readonly rssMiB: number;
  /** Heap in use as the runtime reports it on /metrics, after the samples. */
  readonly heapMiB: number;
}

/**
 * How long an idle replica is left alone after its caches synced before RSS is sampled: enough
 * for the image's flags (no optimizing tier; flat from ~45 s on, checked to 4 min).
 */
export const IDLE_SETTLE_MS = 60_000;

/**
 * The same for V8 flag variants that keep an optimizing tier: with TurboFan the web-app
 * operator's first optimizing compile came ~75 s after start (15-CRD: ~30 s), so they are read
 * after 3 minutes (side by side, so the bench waits once).
 */
export const VARIANT_SETTLE_MS = 180_000;

/** Idle RSS and heap of one replica. */
export async function idleMemory(system: SystemUnderTest, kubeconfig: string, leaseNamespace: string, nodeArgs?: readonly string[], settleMs = IDLE_SETTLE_MS, samples = 3): Promise<IdleMemory> {
  // no nodeArgs: the system's own default (ork: the image's flags)
  const s = await system.start({ kubeconfig, leaseNamespace, ...(nodeArgs ? { nodeArgs } : {}) });
  try {
    await s.synced();
    await new Promise((r) => setTimeout(r, settleMs));
    const rssMiB = await sampleRss(s.proc.pid, samples);
    return { rssMiB, heapMiB: await s.heapUsedMiB() };
  } finally {
    await s.proc.stop();
  }
}

/** Median of `samples` RSS readings one second apart (MiB). */
export async function sampleRss(pid: number, samples: number): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < samples; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 1_000));
    xs.push(rssMiB(pid));
  }
  return median(xs);
}

/** The floor: idle RSS of the same Node binary running an empty timer (`node -e`), MiB. */
export async function nodeBaselineRss(node: string, nodeArgs: readonly string[] = []): Promise<number> {
  const p = startProcess(node, [...nodeArgs, '-e', 'console.log("ready"); setInterval(() => {}, 1000)']);
  try {
    await p.waitForLine(/^ready$/, 30_000);
    await new Promise((r) => setTimeout(r, 2_000));
    return await sampleRss(p.pid, 3);
  } finally {
    await p.stop();
  }
}
