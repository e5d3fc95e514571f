/**
 * The identity of a declared child whose `when`/`or` gate is false, for pruning (`Desired.gatedOff`).
 * The child is built only to learn its name; when its templates cannot render for this CR (a
 * field the gate exists to guard is absent), the declaration is simply skipped, as Orkestra skips
 * a resource whose gate fails — a gated-off child never fails the reconcile. Children ork created
 * carry their declaration annotation, so the harness prunes them without a ref anyway.
 */
import { ChildSpecError } from '../children/errors.ts';
import { TemplateError } from '../template/errors.ts';
import type { KubeObjectLike, ObjectRef } from './desired.ts';

/** The ref of the child `make` builds, or undefined when it cannot be built for this CR. */
export function gatedOffRef(make: () => KubeObjectLike): ObjectRef | undefined {
  let o: KubeObjectLike;
  try {
    o = make();
  } catch (err) {
    if (err instanceof TemplateError || err instanceof ChildSpecError) return undefined;
    throw err;
  }
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) };
}
