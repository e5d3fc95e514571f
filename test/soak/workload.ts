/**
 * The soak workload: a deterministic (seeded) plan of WebApp creates, spec updates and deletes,
 * cut into bursts. Within one burst every operation touches a different CR, so the bursts can
 * run fully in parallel and the expected end state is still exact: `expected` holds, for every
 * name the plan touched, its final spec or that it was deleted.
 */
import type { Expected } from './auditor.ts';
import { forEachBounded, type WebAppSpec, type WebApps } from './webapps.ts';

export type Op = { readonly kind: 'create' | 'update'; readonly name: string; readonly spec: WebAppSpec } | { readonly kind: 'delete'; readonly name: string };

/** A planned workload. */
export interface Plan {
  readonly bursts: ReadonlyArray<readonly Op[]>;
  readonly expected: ReadonlyMap<string, Expected>;
  readonly counts: Readonly<Record<Op['kind'], number>>;
}

/** mulberry32: a small seeded PRNG in [0, 1). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `ops` operations in bursts of `burstSize`: about half creates, 30 % updates and 20 % deletes
 * of live CRs (creates only while fewer than `burstSize` CRs are live).
 */
export function planWorkload(ops: number, burstSize: number, seed = 7): Plan {
  const random = rng(seed);
  const live = new Map<string, WebAppSpec>();
  const expected = new Map<string, Expected>();
  const counts = { create: 0, update: 0, delete: 0 };
  const bursts: Op[][] = [];
  let next = 0;
  let planned = 0;
  while (planned < ops) {
    const burst: Op[] = [];
    const touched = new Set<string>();
    const pickLive = (): string | undefined => {
      const free = [...live.keys()].filter((n) => !touched.has(n));
      return free.length === 0 ? undefined : free[Math.floor(random() * free.length)];
    };
    while (burst.length < burstSize && planned < ops) {
      const r = random();
      const kind = live.size < burstSize || r < 0.5 ? 'create' : r < 0.8 ? 'update' : 'delete';
      const victim = kind === 'create' ? undefined : pickLive();
      let op: Op;
      if (victim === undefined) {
        const name = `s-${String(next++).padStart(5, '0')}`;
        op = { kind: 'create', name, spec: { image: `nginx:1.${Math.floor(random() * 30)}`, replicas: 1 + Math.floor(random() * 4) } };
        live.set(name, op.spec);
      } else if (kind === 'update') {
        const spec = { image: `nginx:2.${Math.floor(random() * 30)}`, replicas: 1 + Math.floor(random() * 4) };
        op = { kind: 'update', name: victim, spec };
        live.set(victim, spec);
      } else {
        op = { kind: 'delete', name: victim };
        live.delete(victim);
      }
      touched.add(op.name);
      counts[op.kind]++;
      expected.set(op.name, op.kind === 'delete' ? { deleted: true } : { deleted: false, spec: live.get(op.name) as WebAppSpec });
      burst.push(op);
      planned++;
    }
    bursts.push(burst);
  }
  return { bursts, expected, counts };
}

/** Runs one burst with `concurrency` calls in flight; every call is retried until it lands. */
export async function runBurst(apps: WebApps, burst: readonly Op[], concurrency = 50): Promise<void> {
  await forEachBounded(burst, concurrency, async (op) => {
    if (op.kind === 'create') await apps.create(op.name, op.spec);
    else if (op.kind === 'update') await apps.patchSpec(op.name, op.spec);
    else await apps.delete(op.name);
  });
}
