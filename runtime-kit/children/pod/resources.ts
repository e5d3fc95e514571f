/**
 * CPU/memory requests and limits of the primary container (Orkestra `ResolveResources` +
 * `BuildResourceRequirements`): a profile expands to its requests/limits (unknown → none,
 * with a warning); explicit requests/limits are kept; empty maps are omitted. Quantities are
 * written as declared (sorted keys); an unparsable quantity is a {@link ChildSpecError}
 * (Orkestra panics in `resource.MustParse`).
 */
import { ChildSpecError } from '../errors.ts';
import type { ResourcesInput } from '../inputs/workload.ts';
import type { ResourceRequirements } from '../k8s/pod.ts';
import { sortedKeys, sortedStringMap } from '../maps.ts';
import { warn } from '../meta.ts';
import { resourceProfile } from '../profiles/resources.ts';
import { isQuantity } from '../quantity.ts';
import type { BuildContext } from '../types.ts';

function checked(m: Readonly<Record<string, string>> | undefined, field: string, kind: string, name: string): Record<string, string> | undefined {
  const out = sortedStringMap(m);
  for (const k of sortedKeys(out)) {
    const v = (out as Record<string, string>)[k] as string;
    if (!isQuantity(v)) throw new ChildSpecError(kind, name, [`${field}.${k}`], `invalid quantity ${JSON.stringify(v)} in ${field}.${k}`);
  }
  return out;
}

/** The container's `resources`, or undefined when nothing applies. */
export function buildResources(r: ResourcesInput | undefined, ctx: BuildContext, kind: string, name: string): ResourceRequirements | undefined {
  if (r === undefined) return undefined;
  let source: { readonly requests?: Readonly<Record<string, string>>; readonly limits?: Readonly<Record<string, string>> } = r;
  if (r.profile !== undefined && r.profile !== '') {
    const found = resourceProfile(r.profile, ctx.profiles);
    if (found === undefined) {
      warn(ctx, kind, name, `unknown resources.profile ${JSON.stringify(r.profile)}: no resources set`);
      return undefined;
    }
    source = found;
  }
  const requests = checked(source.requests, 'resources.requests', kind, name);
  const limits = checked(source.limits, 'resources.limits', kind, name);
  if (requests === undefined && limits === undefined) return undefined;
  const out: ResourceRequirements = {};
  if (requests !== undefined) out.requests = requests;
  if (limits !== undefined) out.limits = limits;
  return out;
}
