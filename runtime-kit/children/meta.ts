/** The `metadata` of every built child: name, namespace, stamped labels, annotations, owner reference. */
import { stampLabels } from './labels.ts';
import { sortedStringMap } from './maps.ts';
import { ownerReferences } from './owner.ts';
import type { BuildContext, ChildMeta } from './types.ts';

/** What a builder knows about the child's identity. */
export interface MetaInput {
  readonly name: string;
  /** Resolved namespace of a namespaced child; undefined for a cluster-scoped child. */
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, unknown>>;
  readonly annotations?: Readonly<Record<string, unknown>>;
  readonly finalizers?: readonly string[];
  /** false: never write an owner reference (onDelete Jobs). Default true when Kubernetes allows it. */
  readonly owned?: boolean;
}

/**
 * Builds metadata in a fixed key order: name, namespace, labels, annotations, finalizers,
 * ownerReferences. Labels always carry Orkestra's stamp; empty annotations are omitted.
 */
export function buildMeta(ctx: BuildContext, m: MetaInput): ChildMeta {
  const meta: ChildMeta = { name: m.name };
  if (m.namespace !== undefined) meta.namespace = m.namespace;
  meta.labels = stampLabels(m.labels, ctx.owner);
  const annotations = sortedStringMap(m.annotations);
  if (annotations !== undefined) meta.annotations = annotations;
  if (m.finalizers !== undefined && m.finalizers.length > 0) meta.finalizers = [...m.finalizers];
  const refs = m.owned === false ? undefined : ownerReferences(ctx.owner, m.namespace);
  if (refs !== undefined) meta.ownerReferences = refs;
  return meta;
}

/** `<crName><suffix>` when the declared name is empty (Orkestra's default names). */
export function defaultName(declared: string | undefined, ctx: BuildContext, suffix: string): string {
  return declared !== undefined && declared !== '' ? declared : `${ctx.owner.name}${suffix}`;
}

/** Reports a warning through the context, if it listens. */
export function warn(ctx: BuildContext, kind: string, objectName: string, message: string): void {
  ctx.onWarning?.({ kind, objectName, message });
}
