/**
 * `ork diff`'s comparison: two snapshots in, one report out (CRD schemas, RBAC, reconcilers,
 * children, dependencies, and the counts `--fail-on` decides on). Pure: no I/O.
 */
import type { DiffReport, SideInfo } from './report.ts';
import type { Snapshot } from './snapshot.ts';
import { diffCrds } from './crd-diff.ts';
import { diffRbac } from './rbac-diff.ts';
import { diffChildren, diffDependencies, diffReconcilers } from './operator-diff.ts';

/** Options of the comparison. */
export interface CompareOptions {
  /** Context lines of reconciler diffs (default 2). */
  readonly context?: number;
}

/** Compares side `a` (before) with side `b` (after). */
export function compareSnapshots(a: { info: SideInfo; snapshot: Snapshot }, b: { info: SideInfo; snapshot: Snapshot }, opts: CompareOptions = {}): DiffReport {
  const crds = diffCrds(a.snapshot.crds, b.snapshot.crds);
  const rbac = diffRbac(a.snapshot.roles, b.snapshot.roles);
  const reconcilers = diffReconcilers(a.snapshot.reconcilers, b.snapshot.reconcilers, opts.context ?? 2);
  const children = diffChildren(a.snapshot.operator, b.snapshot.operator);
  const dependencies = diffDependencies(a.snapshot.operator, b.snapshot.operator);
  const breaking = crds.reduce(
    (n, c) => n + c.notes.filter((x) => x.breaking).length + c.versions.reduce((m, v) => m + v.notes.filter((x) => x.breaking).length + v.fields.filter((f) => f.breaking).length, 0),
    0,
  );
  const escalations = rbac.filter((r) => r.escalation).length;
  const reductions = rbac.filter((r) => !r.escalation).length;
  const changed = crds.length + rbac.length + reconcilers.length + children.length + dependencies.added.length + dependencies.removed.length + dependencies.changed.length > 0;
  return { a: a.info, b: b.info, crds, rbac, reconcilers, children, dependencies, summary: { breaking, escalations, reductions, changed } };
}
