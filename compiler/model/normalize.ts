/**
 * Folds a loaded (schema-valid) Katalog into the normalized model: both layouts into one
 * shape, the three `dependsOn` forms into one list, `apiTypes` completed from `crdFile` and
 * the built-in kind table. Pure: no I/O, no diagnostics (the checks report problems).
 */
import type { LoadedKatalog } from '../load/load-katalog.ts';
import type { DocPath } from '../load/yaml-document.ts';
import type { CrdDocument } from '../load/crd-file-schema.ts';
import { CHILD_LIST_KEYS } from '../schema/child-kinds.ts';
import { builtinKind } from '../schema/builtin-kinds.ts';
import type { RawCrdEntry, RawHookTemplates, RawOperatorBox } from '../schema/index.ts';
import type { ApiTypesModel, BoxModel, CrdModel, DependencyModel, HookBlockModel, HookPhase, KatalogModel, NoteModel, ResourceDeclModel } from './katalog-model.ts';

/** Builds the model of a loaded Katalog. */
export function normalize(loaded: LoadedKatalog): KatalogModel {
  const raw = loaded.raw;
  const finalizers = raw.spec?.finalizers ?? [];
  const crds = Object.entries(raw.spec?.crds ?? {}).map(([name, entry]) =>
    normalizeCrd(name, entry, finalizers, pickCrd(loaded.referenced.crdFiles.get(name)?.crds.map((c) => c.crd) ?? [], entry)),
  );
  const notes: NoteModel[] = (raw.notes?.functions ?? []).map((n, i) => ({
    name: n.name,
    expression: n.expression,
    at: ['notes', 'functions', i],
  }));
  return {
    file: loaded.file,
    name: raw.metadata?.name ?? '',
    namespace: raw.metadata?.namespace ?? 'default',
    version: raw.metadata?.version,
    description: raw.metadata?.description,
    finalizers,
    crds,
    gatewayEndpoint: gatewayEndpoint(raw.gateway),
    notes,
    raw,
  };
}

/** The CRD of a crdFile that matches the entry's apiTypes (or the only one). */
function pickCrd(crds: readonly CrdDocument[], entry: RawCrdEntry): CrdDocument | undefined {
  if (crds.length <= 1) return crds[0];
  const t = entry.apiTypes;
  return crds.find((c) => (!t?.kind || c.spec.names.kind === t.kind) && (!t?.group || c.spec.group === t.group)) ?? crds[0];
}

function normalizeCrd(name: string, entry: RawCrdEntry, katalogFinalizers: readonly string[], crd: CrdDocument | undefined): CrdModel {
  const at = ['spec', 'crds', name];
  return {
    name,
    at,
    enabled: entry.enabled !== false,
    api: apiTypes(entry, crd, at),
    crd,
    dependsOn: dependencies(entry, at),
    box: normalizeBox(entry.operatorBox ?? {}, [...at, 'operatorBox'], katalogFinalizers),
    raw: entry,
  };
}

function apiTypes(entry: RawCrdEntry, crd: CrdDocument | undefined, at: DocPath): ApiTypesModel | undefined {
  const t = entry.apiTypes;
  if (crd) {
    const served = crd.spec.versions.find((v) => v.storage) ?? crd.spec.versions[0];
    return {
      group: crd.spec.group,
      version: t?.version ?? served?.name ?? '',
      kind: crd.spec.names.kind,
      plural: crd.spec.names.plural,
      apiPath: '/apis',
      namespaced: crd.spec.scope === 'Namespaced',
      builtIn: false,
      at: [...at, 'crdFile'],
    };
  }
  if (!t?.kind) return undefined;
  const b = builtinKind(t.kind);
  if (b && (!t.group || t.group === b.group)) {
    return { group: b.group, version: t.version ?? b.version, kind: b.kind, plural: t.plural ?? b.plural, apiPath: b.group === '' ? '/api' : '/apis', namespaced: b.namespaced, builtIn: true, at: [...at, 'apiTypes'] };
  }
  return {
    group: t.group ?? '',
    version: t.version ?? '',
    kind: t.kind,
    plural: t.plural ?? '',
    apiPath: t.apiPath ?? '/apis',
    namespaced: entry.namespaced !== false,
    builtIn: false,
    at: [...at, 'apiTypes'],
  };
}

function dependencies(entry: RawCrdEntry, at: DocPath): DependencyModel[] {
  const d = entry.dependsOn;
  if (d === undefined) return [];
  if (Array.isArray(d)) return d.map((name, i) => ({ name, condition: 'started', at: [...at, 'dependsOn', i] }));
  return Object.entries(d).map(([name, v]) => ({
    name,
    condition: (typeof v === 'string' ? v : v.condition) ?? 'started',
    at: [...at, 'dependsOn', name],
  }));
}

function normalizeBox(box: RawOperatorBox, at: DocPath, katalogFinalizers: readonly string[]): BoxModel {
  const classic = box.reconciler;
  const newest = box.reconcile;
  const reconciler = classic
    ? { raw: classic, at: [...at, 'reconciler'], spelling: 'reconciler' as const }
    : newest
      ? { raw: newest, at: [...at, 'reconcile'], spelling: 'reconcile' as const }
      : undefined;
  const hooks: HookBlockModel[] = [];
  for (const phase of ['onCreate', 'onReconcile', 'onDelete'] as const) {
    const direct = box[phase];
    const nested = newest?.[phase];
    if (direct) hooks.push(hookBlock(phase, direct, [...at, phase]));
    else if (nested) hooks.push(hookBlock(phase, nested, [...at, 'reconcile', phase]));
  }
  const status = box.status
    ? { raw: box.status, at: [...at, 'status'] }
    : box.emit?.status
      ? { raw: box.emit.status, at: [...at, 'emit', 'status'] }
      : undefined;
  return { at, reconciler, hooks, status, finalizers: box.finalizers ?? katalogFinalizers, raw: box };
}

function hookBlock(phase: HookPhase, raw: RawHookTemplates, at: DocPath): HookBlockModel {
  const resources: ResourceDeclModel[] = [];
  for (const listKey of CHILD_LIST_KEYS) {
    const list = raw[listKey] as ReadonlyArray<Record<string, unknown>> | undefined;
    list?.forEach((entry, index) => resources.push({ listKey, index, at: [...at, listKey, index], raw: entry }));
  }
  const groups = (raw.groups ?? []).map((g, i) => hookBlock(phase, g as RawHookTemplates, [...at, 'groups', i]));
  return { phase, at, resources, groups, raw };
}

function gatewayEndpoint(gateway: unknown): string | undefined {
  const e = (gateway as { endpoint?: unknown } | undefined)?.endpoint;
  return typeof e === 'string' && e !== '' ? e : undefined;
}
