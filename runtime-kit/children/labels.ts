/**
 * Orkestra's ownership labels (`labels.StampOrkestraLabels`): every child carries
 * `orkestra.orkspace.io/managed=true` and `orkestra-owner=<owner key>`, plus
 * `orkestra-serve-target=<target>` when the CR came through a Gateway serve target.
 */
import { mergeStringMaps, ownValue, type StringMap } from './maps.ts';
import type { Owner } from './types.ts';

/** Marks objects Orkestra manages (value always "true"). */
export const MANAGED_LABEL = 'orkestra.orkspace.io/managed';
/** The owning CR's key (see {@link effectiveOwnerKey}); also the workload selector label. */
export const OWNER_LABEL = 'orkestra-owner';
/** The serve surface active when the child was stamped. */
export const SERVE_TARGET_LABEL = 'orkestra-serve-target';
/** CR annotation set by the Gateway: the alias used by the caller. */
export const SERVE_ALIAS_ANNOTATION = 'orkestra.orkspace.io/serve-alias';
/** CR annotation set by the Gateway: the serve target used by the caller. */
export const SERVE_TARGET_ANNOTATION = 'orkestra.orkspace.io/serve-target';

/** The CR's serve alias, else its serve target, else ''. */
export function serveTarget(owner: Owner): string {
  const alias = ownValue(owner.annotations, SERVE_ALIAS_ANNOTATION);
  if (typeof alias === 'string' && alias !== '') return alias;
  const target = ownValue(owner.annotations, SERVE_TARGET_ANNOTATION);
  return typeof target === 'string' ? target : '';
}

/** Orkestra `EffectiveOwnerKey`: `<crName>.<target>` when served through a target, else `<crName>`. */
export function effectiveOwnerKey(owner: Owner): string {
  const target = serveTarget(owner);
  return target === '' ? owner.name : `${owner.name}.${target}`;
}

/** User labels with Orkestra's labels stamped over them (user values cannot override them). Sorted keys. */
export function stampLabels(user: Readonly<Record<string, unknown>> | undefined, owner: Owner): StringMap {
  const system: Record<string, string> = { [MANAGED_LABEL]: 'true', [OWNER_LABEL]: effectiveOwnerKey(owner) };
  const target = serveTarget(owner);
  if (target !== '') system[SERVE_TARGET_LABEL] = target;
  return mergeStringMaps(user, system);
}

/**
 * The selector of workloads and Services: `{orkestra-owner: <crName>}` — the plain CR name,
 * as Orkestra writes it (not the serve-target key).
 */
export function ownerSelector(owner: Owner): StringMap {
  return mergeStringMaps({ [OWNER_LABEL]: owner.name });
}

/** Pod template labels: the stamped labels with `orkestra-owner` set to the plain CR name so the selector matches. */
export function podTemplateLabels(user: Readonly<Record<string, unknown>> | undefined, owner: Owner): StringMap {
  return mergeStringMaps(stampLabels(user, owner), ownerSelector(owner));
}
