/**
 * Keys shared by the resource entries of hook templates (`onCreate.deployments[i]`, ...).
 *
 * Orkestra's resource entries are a flat, Orkestra-specific shape (not Kubernetes manifests): each
 * `*TemplateSource` struct repeats the same gating and apply keys, gathered here once.
 */
import { Type } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, StringMap } from './scalars.ts';
import { gateKeys } from './conditions.ts';

export const ForEachSchema = Obj('Expand this one declaration into one per element of a list (or map) field of the CR.', {
  field: Str('Dot path of the list field on the CR, e.g. spec.regions.'),
  as: Opt(Str('Name of the current element in templates ({{ .<as> }}); {{ .item }} and {{ .index }} always work. Default "item".')),
});

/** Keys every resource entry accepts: name, apply mode, gating, expansion, testing knobs. */
export function entryKeys(kind: string, defaultName: string) {
  return {
    name: Opt(Str(`${kind} name (template). Default: "${defaultName}".`)),
    reconcile: Opt(Bool('true = also apply on every reconcile as drift correction (same as listing it under onReconcile).')),
    ...gateKeys(`this ${kind} to be applied (a failing gate on reconcile deletes an owned child)`),
    forEach: Opt(ForEachSchema),
    sleep: Opt(Str('Testing knob: artificial delay before applying (s, m, h, d, w, mo, y).')),
    forceConflict: Opt(Bool('Server-side apply with force for this resource; overrides the CRD-level forceConflict.')),
  };
}

/** `namespace:` of a namespaced child. */
export function namespaceKey(kind: string) {
  return { namespace: Opt(Str(`Namespace of the ${kind} (template). Default: the CR's namespace.`)) };
}

/** `labels:` (values templated; Orkestra always adds its managed/owner labels). */
export function labelsKey(kind: string) {
  return { labels: Opt(StringMap(`Labels on the ${kind}; values may be templates.`)) };
}

/** `annotations:` (values templated). */
export function annotationsKey(kind: string) {
  return { annotations: Opt(StringMap(`Annotations on the ${kind}; values may be templates.`)) };
}

/** `toNamespaces:` fan-out of a copied object (ConfigMaps, Secrets). */
export function toNamespacesKey(kind: string) {
  return { toNamespaces: Opt(Type.Array(Type.String(), { description: `Also write this ${kind} into each of these namespaces.` })) };
}
