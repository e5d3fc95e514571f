/**
 * `ork simulate`: the operator's reconcile harness, with the generated reconciler of one CRD,
 * run cycle by cycle against an in-memory cluster holding one CR. Each cycle is one reconcile
 * of that CR followed by the rest of the cluster catching up (advance-world.ts). The run stops
 * at the first steady cycle — one that wrote nothing and after which nothing changed — or
 * after `cycles`. Then the CR is deleted and the deletion is reconciled the same way
 * (deletion stages, finalizer release, garbage collection). No cluster, no network.
 */
import { FakeClock } from '../../runtime-kit/clock.ts';
import { nullLogger } from '../../runtime-kit/log/logger.ts';
import { createHarness } from '../../runtime-kit/reconcile/harness.ts';
import type { KubeObjectLike, ObjectRef } from '../../runtime-kit/reconcile/desired.ts';
import type { CrdSpec, OperatorSpec } from '../../runtime-kit/operator/spec.ts';
import type { RbacRules } from '../rbac/rules.ts';
import { MemoryCluster, type Op, type SimEvent, type VerbUse } from './memory-cluster.ts';
import { advanceWorld } from './advance-world.ts';

/** What one cycle did. */
export interface CycleReport {
  readonly cycle: number;
  /** The operator's writes, in order. */
  readonly ops: readonly Op[];
  readonly events: readonly SimEvent[];
  /** How the reconcile ended: done, requeue (after ms) or error (the message). */
  readonly outcome: 'done' | 'requeue' | 'error';
  readonly requeueAfterMs?: number;
  readonly error?: string;
  /** What the rest of the cluster did afterwards (Deployments rolling out). */
  readonly world: readonly string[];
}

/** A phase (reconcile, or deletion) of a simulation. */
export interface PhaseReport {
  readonly cycles: readonly CycleReport[];
  /** Reconcile: the first steady cycle. Deletion: the cycle after which the CR was gone. */
  readonly settledAt: number | undefined;
  readonly elapsedMs: number;
}

/** The result of `ork simulate`. */
export interface SimulationReport {
  readonly crd: string;
  readonly cr: ObjectRef;
  readonly maxCycles: number;
  readonly reconcile: PhaseReport;
  /** The CR's children after the reconcile phase, as stored (ownership stamped). */
  readonly children: readonly KubeObjectLike[];
  /** The CR's status after the reconcile phase (undefined when status writes are off). */
  readonly status: unknown;
  readonly finalizers: readonly string[];
  /** Children in the order they were created (`Kind namespace/name`). */
  readonly creationOrder: readonly string[];
  readonly deletion: PhaseReport;
  /** Objects in the order they were deleted, with why (`deletion stage`, `garbage collected`, ...). */
  readonly deletionOrder: readonly string[];
  /** Every API verb the operator used, and those its derived RBAC would not grant. */
  readonly rbac: { readonly used: readonly VerbUse[]; readonly missing: readonly VerbUse[] };
}

/** Input of a simulation. */
export interface SimulationInput {
  readonly operator: OperatorSpec;
  /** The Katalog CRD name whose CR is simulated. */
  readonly crd: string;
  readonly cr: KubeObjectLike;
  readonly cycles: number;
  /** The operator's RBAC (compiler/rbac/derive.ts): verbs used are checked against it. */
  readonly rbac: RbacRules;
  /** Start of the simulated clock (ms since the epoch). */
  readonly startMs?: number;
}

/** Runs the simulation (see the module comment). */
export async function simulate(input: SimulationInput): Promise<SimulationReport> {
  const spec = input.operator.crds.find((c) => c.name === input.crd);
  if (!spec) throw new Error(`the generated operator has no CRD ${input.crd}`);
  const clock = new FakeClock(input.startMs ?? Math.floor(Date.now() / 1000) * 1000);
  const now = (): string => new Date(clock.now()).toISOString().replace(/\.\d+Z$/, 'Z');
  const cluster = new MemoryCluster([spec.kind, ...spec.childKinds], now);
  const cr = cluster.seed(withNamespace(input.cr, spec));
  const ref: ObjectRef = { apiVersion: cr.apiVersion, kind: cr.kind, name: cr.metadata.name, ...(cr.metadata.namespace ? { namespace: cr.metadata.namespace } : {}) };
  const harness = createHarness({
    crdKind: spec.kind,
    kinds: [spec.kind, ...spec.childKinds],
    reconcile: spec.reconcile,
    api: cluster,
    live: cluster,
    events: cluster,
    finalizers: spec.finalizers,
    skipStatus: spec.skipStatus,
    fieldManager: `ork-${input.operator.name}`,
    clock,
    log: nullLogger,
    ork: { namespace: process.env['ORK_NAMESPACE'] || input.operator.namespace, version: input.operator.version, katalog: input.operator.name },
  });
  const cycle = async (n: number): Promise<CycleReport> => {
    const r = await harness(ref.namespace, ref.name);
    const ops = cluster.takeOps();
    const events = cluster.takeEvents();
    const world = advanceWorld(cluster);
    clock.advance(1_000);
    return {
      cycle: n,
      ops,
      events,
      outcome: r.kind,
      ...(r.kind === 'requeue' ? { requeueAfterMs: r.afterMs } : {}),
      ...(r.kind === 'error' ? { error: r.error.message } : {}),
      world,
    };
  };

  const reconcile = await runPhase(input.cycles, cycle, (c) => c.ops.length === 0 && c.world.length === 0);
  const live = cluster.find(ref);
  const children = cluster.list().filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === cr.metadata.uid) || isDeclared(o));
  cluster.userDelete(ref);
  const gcOps = cluster.takeOps();
  const deletion = await runPhase(input.cycles, cycle, () => cluster.find(ref) === undefined, gcOps);
  const used = cluster.verbsUsed();
  return {
    crd: spec.name,
    cr: ref,
    maxCycles: input.cycles,
    reconcile,
    children,
    status: live?.['status'],
    finalizers: live?.metadata.finalizers ?? [],
    creationOrder: reconcile.cycles.flatMap((c) => c.ops).filter((o) => o.op === 'created').map(opTarget),
    deletion,
    deletionOrder: deletion.cycles.flatMap((c) => c.ops).filter((o) => o.op === 'deleted').map((o) => `${opTarget(o)} (${o.detail ?? 'deleted'})`),
    rbac: { used, missing: used.filter((u) => !granted(input.rbac, u)) },
  };
}

/** Runs cycles until `settled` holds for one (or `max` cycles ran). */
async function runPhase(max: number, cycle: (n: number) => Promise<CycleReport>, settled: (c: CycleReport) => boolean, before: readonly Op[] = []): Promise<PhaseReport> {
  const cycles: CycleReport[] = [];
  const t0 = performance.now();
  if (before.length > 0) {
    // Deleted outright (no finalizer): the garbage collector's deletes are cycle 0.
    cycles.push({ cycle: 0, ops: before, events: [], outcome: 'done', world: [] });
    return { cycles, settledAt: 0, elapsedMs: performance.now() - t0 };
  }
  for (let n = 1; n <= max; n++) {
    const c = await cycle(n);
    cycles.push(c);
    if (settled(c)) return { cycles, settledAt: n, elapsedMs: performance.now() - t0 };
  }
  return { cycles, settledAt: undefined, elapsedMs: performance.now() - t0 };
}

/** `Kind namespace/name` of an op. */
export function opTarget(o: Op): string {
  return `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

function isDeclared(o: KubeObjectLike): boolean {
  return o.metadata.annotations?.['ork.dev/declared-by'] !== undefined;
}

/** A CR without a namespace lands in `default` when its kind is namespaced (as with kubectl). */
function withNamespace(cr: KubeObjectLike, spec: CrdSpec): KubeObjectLike {
  if (!spec.kind.namespaced) {
    const { namespace: _ns, ...metadata } = cr.metadata;
    return { ...cr, metadata };
  }
  return cr.metadata.namespace ? cr : { ...cr, metadata: { ...cr.metadata, namespace: 'default' } };
}

/** True when the ClusterRole (or the operator-namespace Role) grants the verb. */
function granted(rbac: RbacRules, u: VerbUse): boolean {
  return [...rbac.cluster, ...rbac.namespace].some((r) => r.apiGroup === u.apiGroup && r.resource === u.resource && r.verbs.includes(u.verb) && r.resourceNames === undefined);
}
