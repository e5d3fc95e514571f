/**
 * Walks over the parts of a model that many checks visit: enabled CRD entries and every child
 * declaration (hook blocks and ordered-deletion stages). Raw-data walks: data-walk.ts.
 */
import type { CrdModel, HookBlockModel, KatalogModel, ResourceDeclModel } from '../model/katalog-model.ts';

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

/** True when a scalar is a template (contains `{{`), as Orkestra decides. */
export function isTemplateText(v: unknown): boolean {
  return typeof v === 'string' && v.includes('{{');
}
