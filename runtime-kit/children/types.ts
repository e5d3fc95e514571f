/**
 * Core types of the child-manifest builders: the owner CR, object metadata, the build context
 * and (re-exported) the rendered input shape of every child kind.
 *
 * Inputs are Orkestra's flat declarations after their templates were rendered: fields that are
 * Go strings in Orkestra (`replicas`, `port`, `minReplicas`, `suspend` ...) arrive as strings,
 * Go ints and bools as numbers and booleans.
 */
import type { UserProfiles } from './profiles/registry.ts';

/** The CR that owns the children. `namespace` empty or absent = cluster-scoped CR. */
export interface Owner {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly uid: string;
  /** The CR's annotations (serve target/alias annotations change the owner label). */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** `metav1.OwnerReference` as ork writes it (always controller + blockOwnerDeletion). */
export type OwnerReference = {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
};

/**
 * Object metadata (`metav1.ObjectMeta`), the fields clients write plus the ones the API server
 * fills in. Generated CR types use it for their `metadata`.
 */
export type ObjectMeta = {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: OwnerReference[];
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  managedFields?: unknown[];
};

/** Metadata of a built child: always named. */
export type ChildMeta = ObjectMeta & { name: string };

/** Any Kubernetes object a builder returns. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ChildMeta;
  [field: string]: unknown;
}

/** Alias of {@link KubeObject} for barrels that already export another `KubeObject`. */
export type ChildObject = KubeObject;

/** The hook a child is declared in. */
export type Phase = 'onCreate' | 'onReconcile' | 'onDelete';

/** Something the builder ignored that a person should know about (unknown profile ...). */
export interface BuildWarning {
  readonly kind: string;
  readonly objectName: string;
  readonly message: string;
}

/** Everything a builder needs besides the declaration. Plain data; builders do no I/O. */
export interface BuildContext {
  /** The CR owning the child. */
  readonly owner: Owner;
  /** The Katalog's `profiles:` block (user profiles win over built-ins of the same name). */
  readonly profiles?: UserProfiles;
  /** The hook the declaration came from; `onDelete` Jobs get no owner reference. Default onCreate. */
  readonly phase?: Phase;
  /** Receives warnings (Orkestra logs them and goes on); ignored when absent. */
  readonly onWarning?: (warning: BuildWarning) => void;
}

export type { UserProfiles } from './profiles/registry.ts';
export type * from './inputs/workload.ts';
export type * from './inputs/kinds.ts';
