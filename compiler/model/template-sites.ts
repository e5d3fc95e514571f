/**
 * Every place a Katalog holds a template, with what is needed to compile it: where it was
 * written (file, line, column, scalar style and raw text, for exact error positions), which
 * data it sees (the CRD schema plus the contexts of its place: forEach item/index/value,
 * `.children`/`.metrics`/`.health` in status fields), and what the filled field needs
 * (`replicas` must render an integer). The validation boundary compiles every site
 * (ORK050 + the template compiler's ORK1nn codes); the generator compiles the same sites.
 */
import { isScalar, type Scalar } from 'yaml';
import type { DocPath, YamlDocument } from '../load/yaml-document.ts';
import type { TemplateSource } from '../template/positions.ts';
import type { DataSchema, TargetKind } from '../template/index.ts';
import { HEALTH, METRICS, OPEN_OBJECT } from '../template/index.ts';
import type { CrdModel, HookBlockModel, KatalogModel, ResourceDeclModel } from './katalog-model.ts';

/** One template in the Katalog. */
export interface TemplateSite {
  readonly crd: CrdModel | undefined;
  readonly at: DocPath;
  readonly source: string;
  readonly origin: TemplateSource;
  readonly contexts: Readonly<Record<string, DataSchema>>;
  readonly expect: TargetKind | undefined;
  /** True for a user note body (compiled as a note function). */
  readonly isNote: boolean;
}

/** Keys whose values are never templates (paths, static quantities, selectors). */
const STATIC_KEYS = new Set(['forEach', 'requests', 'limits', 'labelSelector', 'fieldSelector', 'when', 'or']);
/** Fields that must render a number (Orkestra parses them after rendering). */
const INTEGER_FIELDS = new Set(['replicas']);

/** Every template of the model, in document order. */
export function templateSites(model: KatalogModel, doc: YamlDocument): TemplateSite[] {
  const out: TemplateSite[] = [];
  const push = (crd: CrdModel | undefined, at: DocPath, source: string, contexts: Record<string, DataSchema>, expect?: TargetKind, isNote = false): void => {
    if (!source.includes('{{')) return;
    out.push({ crd, at, source, origin: templateOrigin(doc, at), contexts, expect, isNote });
  };
  for (const note of model.notes) push(undefined, [...note.at, 'expression'], note.expression, {}, undefined, true);
  for (const crd of model.crds.filter((c) => c.enabled)) {
    for (const [k, v] of Object.entries(crd.raw.labels ?? {})) if (typeof v === 'string') push(crd, [...crd.at, 'labels', k], v, {});
    for (const block of blocksOf(crd)) {
      for (const decl of block.resources) {
        const ctx = forEachContexts(decl);
        walkStrings(decl.raw, decl.at, (at, s, key) => push(crd, at, s, ctx, INTEGER_FIELDS.has(key) ? 'integer' : undefined));
        walkConditions(decl.raw, decl.at, (at, s) => push(crd, at, s, ctx));
      }
      walkConditions({ when: block.raw.when, or: block.raw.or }, block.at, (at, s) => push(crd, at, s, {}));
    }
    const statusCtx = { children: OPEN_OBJECT, metrics: METRICS, health: HEALTH };
    crd.box.status?.raw.fields?.forEach((f, i) => {
      const at = [...crd.box.status!.at, 'fields', i];
      if (typeof f.value === 'string') push(crd, [...at, 'value'], f.value, statusCtx);
      walkConditions(f, at, (p, s) => push(crd, p, s, statusCtx));
    });
    const requeue = crd.box.reconciler?.raw.requeue;
    if (requeue?.after) push(crd, [...crd.box.reconciler!.at, 'requeue', 'after'], requeue.after, { metrics: METRICS, health: HEALTH });
  }
  return out;
}

function blocksOf(crd: CrdModel): HookBlockModel[] {
  const out: HookBlockModel[] = [];
  const visit = (b: HookBlockModel): void => {
    out.push(b);
    b.groups.forEach(visit);
  };
  crd.box.hooks.forEach(visit);
  return out;
}

function forEachContexts(decl: ResourceDeclModel): Record<string, DataSchema> {
  const fe = decl.raw['forEach'] as { as?: string } | undefined;
  if (!fe) return {};
  const ctx: Record<string, DataSchema> = { item: OPEN_OBJECT, index: { type: 'integer' }, value: OPEN_OBJECT };
  if (fe.as) ctx[fe.as] = OPEN_OBJECT;
  return ctx;
}

/** Calls `fn` for every string scalar under `v` (not under STATIC_KEYS), with its path and key. */
function walkStrings(v: unknown, at: DocPath, fn: (at: DocPath, s: string, key: string) => void, key = ''): void {
  if (typeof v === 'string') return fn(at, v, key);
  if (Array.isArray(v)) return v.forEach((item, i) => walkStrings(item, [...at, i], fn, key));
  if (v === null || typeof v !== 'object') return;
  for (const [k, child] of Object.entries(v)) if (!STATIC_KEYS.has(k)) walkStrings(child, [...at, k], fn, k);
}

/** Calls `fn` for template strings inside the `when`/`or` condition lists directly under `v`. */
function walkConditions(v: unknown, at: DocPath, fn: (at: DocPath, s: string) => void): void {
  if (v === null || typeof v !== 'object') return;
  for (const list of ['when', 'or'] as const) {
    const conds = (v as Record<string, unknown>)[list];
    if (!Array.isArray(conds)) continue;
    conds.forEach((c, i) => {
      if (c === null || typeof c !== 'object') return;
      for (const [k, val] of Object.entries(c)) if (typeof val === 'string' && k !== 'operator') fn([...at, list, i, k], val);
    });
  }
}

/** Where a scalar's content starts, its style and raw text, from the YAML node. */
export function templateOrigin(doc: YamlDocument, at: DocPath): TemplateSource {
  const node = doc.nodeAt(at);
  const path = at.join('.');
  const fallback = { ...doc.locate(at), path };
  if (!isScalar(node) || !node.range) return fallback;
  const text = doc.source.text;
  const [start, end] = node.range;
  const scalar = node as Scalar;
  switch (scalar.type) {
    case 'QUOTE_DOUBLE':
      return { ...doc.at(start + 1), style: 'double-quoted', raw: text.slice(start + 1, end - 1), path };
    case 'QUOTE_SINGLE':
      return { ...doc.at(start + 1), style: 'single-quoted', raw: text.slice(start + 1, end - 1), path };
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const firstLine = text.indexOf('\n', start) + 1;
      const indent = /^ */.exec(text.slice(firstLine))?.[0].length ?? 0;
      return { ...doc.at(firstLine + indent), style: scalar.type === 'BLOCK_LITERAL' ? 'literal' : 'folded', path };
    }
    default:
      return { ...doc.at(start), style: 'plain', raw: text.slice(start, end), path };
  }
}
