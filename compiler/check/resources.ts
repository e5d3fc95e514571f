/**
 * Helpers for checks that look at child declarations: a readable label for one declaration
 * (used in every message) and the names of user profiles of one class.
 */
import type { CrdModel, HookBlockModel, KatalogModel, ResourceDeclModel } from '../model/katalog-model.ts';
import { asList, asRecord } from './values.ts';

/** `` deployments[0] `web` in onReconcile of CRD `webapp` `` (name shown when static). */
export function declLabel(crd: CrdModel, block: HookBlockModel, decl: ResourceDeclModel): string {
  const name = decl.raw.name ?? asRecord(decl.raw.metadata)?.name;
  const named = typeof name === 'string' && name !== '' ? ` \`${name}\`` : '';
  const stage = block.at.includes('groups') ? ' (ordered-deletion stage)' : '';
  return `${decl.listKey}[${decl.index}]${named} in ${block.phase}${stage} of CRD \`${crd.name}\``;
}

/** Classes of `profiles:` (keys of the top-level profiles block). */
export type ProfileClass =
  | 'resources' | 'probes' | 'rollingUpdate' | 'containerSecurity' | 'podSecurity' | 'reconciler'
  | 'hpa' | 'pdb' | 'networkPolicies' | 'resourceQuotas' | 'limitRanges';

/** Names declared under `profiles.<klass>` (a list of `{name, ...}`), in order. */
export function userProfileNames(model: KatalogModel, klass: ProfileClass): string[] {
  const list = asList(asRecord(model.raw.profiles)?.[klass]);
  return list.map((p) => asRecord(p)?.name).filter((n): n is string => typeof n === 'string' && n !== '');
}
