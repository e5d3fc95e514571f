/**
 * Walks over the parts of a model that many checks visit: enabled CRD entries, every child
 * declaration (hook blocks and ordered-deletion stages), and every condition list.
 */
import type { DocPath } from '../load/yaml-document.ts';
import type { CrdModel, HookBlockModel, KatalogModel, ResourceDeclModel } from '../model/katalog-model.ts';
import type { RawCondition } from '../schema/index.ts';

/** Enabled CRD entries in document order. */
export function enabledCrds(model: KatalogModel): CrdModel[] {
  return model.crds.filter((c) => c.enabled);
}

/** Every hook block of a CRD including ordered-deletion stages. */
export function allBlocks(crd: CrdModel): HookBlockModel[] {
  const out: HookBlockModel[] = [];
  const visit = (b: HookBlockModel): void => {
    out.push(b);
    b.groups.forEach(visit);
  };
  crd.box.hooks.forEach(visit);
  return out;
}

/** Every child declaration of a CRD, with the block it is in. */
export function allResources(crd: CrdModel): Array<{ block: HookBlockModel; decl: ResourceDeclModel }> {
  return allBlocks(crd).flatMap((block) => block.resources.map((decl) => ({ block, decl })));
}

/** A list of conditions (`when` or `or`) and where it is. */
export interface ConditionList {
  readonly at: DocPath;
  readonly conditions: readonly RawCondition[];
}

/** Every `when:`/`or:` list found anywhere under `value` (walking plain data), with paths. */
export function conditionLists(value: unknown, at: DocPath): ConditionList[] {
  const out: ConditionList[] = [];
  const visit = (v: unknown, path: DocPath): void => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, [...path, i]));
      return;
    }
    if (v === null || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v)) {
      if ((k === 'when' || k === 'or') && Array.isArray(child)) out.push({ at: [...path, k], conditions: child as RawCondition[] });
      else visit(child, [...path, k]);
    }
  };
  visit(value, at);
  return out;
}

/** Every object under `value` that has key `key`, with its path (for `profile`, `protocol`, ...). */
export function objectsWithKey(value: unknown, at: DocPath, key: string): Array<{ at: DocPath; obj: Record<string, unknown> }> {
  const out: Array<{ at: DocPath; obj: Record<string, unknown> }> = [];
  const visit = (v: unknown, path: DocPath): void => {
    if (Array.isArray(v)) return v.forEach((item, i) => visit(item, [...path, i]));
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (key in o) out.push({ at: path, obj: o });
    for (const [k, child] of Object.entries(o)) visit(child, [...path, k]);
  };
  visit(value, at);
  return out;
}

/** True when a scalar is a template (contains `{{`), as Orkestra decides. */
export function isTemplateText(v: unknown): boolean {
  return typeof v === 'string' && v.includes('{{');
}
