/**
 * The contract between a generated reconciler and the harness. A generated reconciler is one
 * pure function: the CR in, its desired state out (children to create or apply, children
 * declared but gated off, declared status fields, a requeue delay). It does no I/O; the
 * harness (harness.ts) reads the cluster, writes the differences and reports status.
 */

/** Metadata of any Kubernetes object as the harness reads and writes it. */
export interface ObjectMetaLike {
  readonly name: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly generation?: number;
  readonly resourceVersion?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly finalizers?: readonly string[];
  readonly deletionTimestamp?: string;
  readonly ownerReferences?: ReadonlyArray<{ readonly uid: string; readonly kind: string; readonly name: string; readonly apiVersion: string }>;
}

/** Any Kubernetes object. */
export interface KubeObjectLike {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMetaLike;
  readonly [field: string]: unknown;
}

/** How a desired child is written. */
export type WriteMode =
  /** onCreate: created when absent, never updated (Orkestra's create-if-absent). */
  | 'create'
  /** onReconcile / `reconcile: true`: server-side applied whenever the live object differs (drift correction). */
  | 'apply';

/** One child the CR should have. */
export interface DesiredChild {
  readonly object: KubeObjectLike;
  readonly mode: WriteMode;
  /** Server-side apply with force (Orkestra's `forceConflict`, default true). */
  readonly force: boolean;
  /** The Katalog declaration that produced it (`spec.crds.web.operatorBox.onReconcile.deployments[0]`). */
  readonly declaredAt: string;
}

/** Identifies one object. */
export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** Everything a reconcile wants, computed from the CR alone. */
export interface Desired {
  readonly children: readonly DesiredChild[];
  /** Declared children whose `when`/`or` gate is false now: deleted if this CR owns them. */
  readonly gatedOff: readonly ObjectRef[];
  /** Declared status fields (nested by path), written under `.status`. */
  readonly statusFields: Readonly<Record<string, unknown>>;
  /** Requeue after this many milliseconds on success (`requeue.after`); 0 = only on events. */
  readonly requeueAfterMs: number;
  /**
   * What to delete when the CR is deleted, stage by stage (`onDelete` with `ordered: true`
   * and `groups`; one stage otherwise). Each stage is deleted and awaited before the next.
   */
  readonly deletionStages: ReadonlyArray<readonly ObjectRef[]>;
  /** The CRD entry's `labels:`, rendered: written onto the CR when one is missing or differs. */
  readonly crLabels?: Readonly<Record<string, string>>;
}

/** What the generated function is given besides the CR. */
export interface ReconcileInput {
  /** Live children of this CR by lowercase kind (`.children.deployment`), for status templates. */
  readonly children: Readonly<Record<string, unknown>>;
  /** Operator facts for `.ork` (namespace, version, ...). */
  readonly ork: Readonly<Record<string, unknown>>;
}

/** A generated reconciler: pure; throws a TemplateError when a template cannot render. */
export type ReconcileFn = (cr: KubeObjectLike, input: ReconcileInput) => Desired;
