/**
 * The reconciler module of one CRD entry: every template compiled to a function, then one
 * function, `reconcile<Kind>(cr, input) → Desired`, whose body follows the Katalog top to
 * bottom — each child declaration as a builder call (under its gate and forEach), the status
 * fields, the requeue delay and the deletion stages. No interpreter: the Katalog's data is
 * compiled into code; user text appears only as JSON string literals.
 */
import type { CrdModel, HookBlockModel, KatalogModel, ResourceDeclModel } from '../../model/katalog-model.ts';
import type { YamlDocument, DocPath } from '../../load/yaml-document.ts';
import type { RawCondition } from '../../schema/index.ts';
import { RESOURCE_ENTRY_SCHEMAS } from '../../schema/resources/index.ts';
import { childKind } from '../../schema/child-kinds.ts';
import { HEALTH, METRICS, OPEN_OBJECT, type DataSchema } from '../../template/index.ts';
import { templateOrigin } from '../../model/template-sites.ts';
import { servedSchema, crTypeName } from '../types/cr-types.ts';
import { docText } from '../code/identifiers.ts';
import { compileNote, TemplateTable } from './template-table.ts';
import { entryLiteral, type TemplateRef } from './entry-literal.ts';
import { conditionListLiteral } from './condition-literal.ts';
import { notifiesAnyone, notifyLiteral, notifySettings } from './notify-literal.ts';
import { parseGoDurationMs } from '../../../runtime-kit/duration.ts';

/** Input of the module emitter. */
export interface ReconcilerModuleInput {
  readonly model: KatalogModel;
  readonly crd: CrdModel;
  readonly doc: YamlDocument;
  readonly header: string;
}

/** The name of a CRD's reconcile function (`reconcileWebApp`). */
export function reconcileFunctionName(crd: CrdModel): string {
  return `reconcile${crTypeName(crd)}`;
}

/** Emits the call evaluating a `when`/`or` gate at `at` on `dataVar`. */
type GateCall = (gate: { readonly when?: readonly RawCondition[] | undefined; readonly or?: readonly RawCondition[] | undefined }, at: DocPath, ref: TemplateRef, dataVar: string) => string;

/** Source text of `reconcilers/<crd>.ts`. */
export function reconcilerModule(input: ReconcilerModuleInput): string {
  const { model, crd, doc } = input;
  const notes = new Map(model.notes.map((n, i) => [n.name, `note${i}`] as const));
  const table = new TemplateTable(notes);
  const schema = servedSchema(crd) as DataSchema | undefined;
  const tpl = (contexts: Record<string, DataSchema>): TemplateRef => (source, path) =>
    table.add({ source, origin: templateOrigin(doc, path), schema, contexts });
  // Conditions with notify: blocks record what held into `notifications` (runtime-kit/notify).
  const settings = notifySettings(model);
  let notifies = false;
  const gate: GateCall = (g, at, ref, dataVar) => {
    const when = conditionListLiteral(g.when, [...at, 'when'], ref, notifyLiteral(settings, ref));
    const or = conditionListLiteral(g.or, [...at, 'or'], ref, notifyLiteral(settings, ref));
    if (![...(g.when ?? []), ...(g.or ?? [])].some((c) => notifiesAnyone(c, settings))) return `evaluateGate(${when}, ${or}, ${dataVar})`;
    notifies = true;
    return `evaluateNotifyingGate(${when}, ${or}, ${dataVar}, notifications)`;
  };
  const body: string[] = [];
  for (const block of crd.box.hooks) {
    if (block.phase === 'onDelete') continue;
    body.push(...blockCode(block, tpl, gate));
  }
  body.push(...statusCode(crd, tpl, gate));
  const requeue = requeueCode(crd, tpl);
  const crLabels = crLabelsCode(crd, tpl);
  const deletion = deletionCode(crd, tpl);
  const noteDecls = noteDeclarations(model, doc, notes);
  const name = crTypeName(crd);
  return [
    input.header,
    `/**\n * Reconciler of ${name} CRs (\`${crd.name}\`): the desired children and status of one CR.\n * @katalog ${crd.at.join('.')}\n */`,
    "import * as rt from '@ork/runtime-kit/template';",
    "import { evaluateGate, readPath, type Condition } from '@ork/runtime-kit/conditions';",
    "import { CHILD_BUILDERS as build, type BuildContext } from '@ork/runtime-kit/children';",
    "import { castStatusValue, forEachEntries, gatedOffRef, parseGoDurationMs, setStatusField, type Desired, type DesiredChild, type ObjectRef, type ReconcileInput } from '@ork/runtime-kit/reconcile';",
    ...(notifies ? ["import { evaluateNotifyingGate, type FiredNotification, type NotifyingDesired } from '@ork/runtime-kit/notify';"] : []),
    `import type { ${name} } from '../types/${crd.name}.ts';`,
    '',
    '// ── Compiled templates ───────────────────────────────────────────────────────',
    '',
    ...noteDecls,
    ...table.declarations().flatMap((d) => [d, '']),
    '// ── The reconcile function ───────────────────────────────────────────────────',
    '',
    `/** The desired state of one ${name}. Pure: no I/O; throws rt.TemplateError when a template cannot render. */`,
    `export function ${reconcileFunctionName(crd)}(cr: ${name}, input: ReconcileInput): ${notifies ? 'NotifyingDesired' : 'Desired'} {`,
    '  const plain = rt.fromPlain(cr) as rt.GoMap;',
    '  const data = rt.templateData(plain, input.ork as rt.OrkFacts, { children: rt.fromPlain(input.children) });',
    "  const owner = { apiVersion: cr.apiVersion, kind: cr.kind, name: cr.metadata.name ?? '', namespace: cr.metadata.namespace, uid: cr.metadata.uid ?? '', annotations: cr.metadata.annotations };",
    '  const children: DesiredChild[] = [];',
    '  const gatedOff: ObjectRef[] = [];',
    "  const statusFields = Object.create(null) as Record<string, unknown>;",
    ...(notifies ? ['  const notifications: FiredNotification[] = [];'] : []),
    ...body.map((l) => (l === '' ? '' : `  ${l}`)),
    `  return { children, gatedOff, statusFields, requeueAfterMs: ${requeue}, deletionStages: ${deletion}${crLabels ? `, crLabels: ${crLabels}` : ''}${notifies ? ', notifications' : ''} };`,
    '}',
    '',
    '/** Gate lists need the Condition type in scope even when a module declares none. */',
    'export type { Condition };',
    '',
  ].join('\n');
}

function blockCode(block: HookBlockModel, tpl: (c: Record<string, DataSchema>) => TemplateRef, gate: GateCall): string[] {
  const lines: string[] = [];
  const gated = (block.raw.when?.length ?? 0) + (block.raw.or?.length ?? 0) > 0;
  if (gated) {
    lines.push(`// ${block.at.join('.')} (gate of the whole block)`);
    lines.push(`if (${gate(block.raw, block.at, tpl({}), 'data')}) {`);
  }
  for (const decl of block.resources) lines.push(...(gated ? declCode(block, decl, tpl, gate).map((l) => `  ${l}`) : declCode(block, decl, tpl, gate)));
  if (gated) lines.push('}');
  return lines;
}

function declCode(block: HookBlockModel, decl: ResourceDeclModel, tpl: (c: Record<string, DataSchema>) => TemplateRef, gate: GateCall): string[] {
  const mode = block.phase === 'onReconcile' || decl.raw['reconcile'] === true ? 'apply' : 'create';
  const force = decl.raw['forceConflict'] !== false;
  const declaredAt = decl.at.join('.');
  const forEach = decl.raw['forEach'] as { field?: string; as?: string } | undefined;
  const contexts: Record<string, DataSchema> = forEach ? { item: OPEN_OBJECT, index: { type: 'integer' }, value: OPEN_OBJECT, ...(forEach.as ? { [forEach.as]: OPEN_OBJECT } : {}) } : {};
  const ref = tpl(contexts);
  const dataVar = forEach ? 'itemData' : 'data';
  const literal = entryLiteral(decl.raw, RESOURCE_ENTRY_SCHEMAS[decl.listKey] as never, decl.at, (s, p) => `${ref(s, p)}(${dataVar})`);
  const whenRaw = decl.raw['when'] as RawCondition[] | undefined;
  const orRaw = decl.raw['or'] as RawCondition[] | undefined;
  const gated = (whenRaw?.length ?? 0) + (orRaw?.length ?? 0) > 0;
  const literalLines = literal.split('\n');
  // A gated declaration is built only when its gate holds (or, for pruning, to learn its name):
  // its templates may need fields the gate exists to guard.
  const lhs = gated ? 'const make = () =>' : 'const object =';
  const buildLines = literalLines.length === 1
    ? [`${lhs} build.${decl.listKey}(${literal}, { owner, phase: ${JSON.stringify(block.phase)} });`]
    : [`${lhs} build.${decl.listKey}(${literalLines[0]}`, ...literalLines.slice(1, -1), `${literalLines[literalLines.length - 1]}, { owner, phase: ${JSON.stringify(block.phase)} });`];
  const push = (object: string): string => `children.push({ object${object}, mode: ${JSON.stringify(mode)}, force: ${force}, declaredAt: ${JSON.stringify(declaredAt)} });`;
  const inner = [
    ...buildLines,
    ...(gated
      ? [`if (${gate({ when: whenRaw, or: orRaw }, decl.at, ref, dataVar)}) ${push(': make()')}`, 'else {', '  const off = gatedOffRef(make);', '  if (off) gatedOff.push(off);', '}']
      : [push('')]),
  ];
  const out = [`// ${declaredAt}${docComment(decl)}`];
  if (forEach) {
    const path = JSON.stringify((forEach.field ?? '').split('.').filter((p) => p !== ''));
    const alias = forEach.as ? `, ${JSON.stringify(forEach.as)}: e.item` : '';
    out.push(`for (const e of forEachEntries(readPath(data, ${path}))) {`);
    out.push(`  const itemData = rt.templateData(plain, input.ork as rt.OrkFacts, { children: rt.fromPlain(input.children), item: e.item, index: e.index, value: e.value${alias} });`);
    out.push(...inner.map((l) => `  ${l}`), '}');
  } else {
    out.push('{', ...inner.map((l) => `  ${l}`), '}');
  }
  return out;
}

function docComment(decl: ResourceDeclModel): string {
  const k = childKind(decl.listKey);
  return k.kind ? ` — ${k.kind}` : '';
}

function statusCode(crd: CrdModel, tpl: (c: Record<string, DataSchema>) => TemplateRef, gate: GateCall): string[] {
  const st = crd.box.status;
  if (!st?.raw.fields?.length) return [];
  const ref = tpl({ children: OPEN_OBJECT, metrics: METRICS, health: HEALTH });
  const lines = [`// ${st.at.join('.')}.fields`];
  st.raw.fields.forEach((f, i) => {
    const at: DocPath = [...st.at, 'fields', i];
    const value = f.value === undefined ? '""' : typeof f.value === 'string' && f.value.includes('{{') ? `${ref(f.value, [...at, 'value'])}(data)` : JSON.stringify(String(f.value));
    const set = `setStatusField(statusFields, ${JSON.stringify(f.path)}, castStatusValue(${JSON.stringify(f.type ?? 'string')}, ${value}));`;
    if ((f.when?.length ?? 0) + (f.or?.length ?? 0) === 0) lines.push(set);
    else {
      lines.push(`if (${gate(f, at, ref, 'data')}) ${set}`);
      if (f.clearOnFalse) lines.push(`else setStatusField(statusFields, ${JSON.stringify(f.path)}, '');`);
    }
  });
  return lines;
}

function requeueCode(crd: CrdModel, tpl: (c: Record<string, DataSchema>) => TemplateRef): string {
  const after = crd.box.reconciler?.raw.requeue?.after;
  if (!after) return '0';
  if (!after.includes('{{')) return String(parseGoDurationMs(after) ?? 0);
  const ref = tpl({ metrics: METRICS, health: HEALTH });
  return `parseGoDurationMs(${ref(after, [...crd.box.reconciler!.at, 'requeue', 'after'])}(data)) ?? 0`;
}

/** The CRD entry's `labels:` as an object literal (keys are data, values rendered templates or literals); undefined when none. */
function crLabelsCode(crd: CrdModel, tpl: (c: Record<string, DataSchema>) => TemplateRef): string | undefined {
  const entries = Object.entries(crd.raw.labels ?? {});
  if (entries.length === 0) return undefined;
  const ref = tpl({});
  const value = (k: string, v: unknown): string => (typeof v === 'string' && v.includes('{{') ? `${ref(v, [...crd.at, 'labels', k])}(data)` : JSON.stringify(String(v ?? '')));
  return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${value(k, v)}`).join(', ')} }`;
}

function deletionCode(crd: CrdModel, tpl: (c: Record<string, DataSchema>) => TemplateRef): string {
  const del = crd.box.hooks.find((b) => b.phase === 'onDelete');
  if (!del) return '[]';
  const stages = del.groups.length > 0 ? del.groups : [del];
  const ref = tpl({});
  const refs = (block: HookBlockModel): string =>
    `[${block.resources
      .filter((d) => typeof d.raw['name'] === 'string' && d.raw['name'] !== '')
      .map((d) => {
        const k = childKind(d.listKey);
        const apiVersion = d.listKey === 'custom' ? String(d.raw['apiVersion'] ?? '') : k.group ? `${k.group}/${k.version}` : k.version;
        const kind = d.listKey === 'custom' ? String(d.raw['kind'] ?? '') : k.kind;
        const str = (v: unknown, key: string): string => (typeof v === 'string' && v.includes('{{') ? `${ref(v, [...d.at, key])}(data)` : JSON.stringify(String(v)));
        const ns = d.raw['namespace'] !== undefined ? str(d.raw['namespace'], 'namespace') : 'cr.metadata.namespace';
        return `{ apiVersion: ${JSON.stringify(apiVersion)}, kind: ${JSON.stringify(kind)}, name: ${str(d.raw['name'], 'name')}, namespace: ${k.namespaced ? ns : 'undefined'} }`;
      })
      .join(', ')}]`;
  return `[${stages.map(refs).join(', ')}]`;
}

function noteDeclarations(model: KatalogModel, doc: YamlDocument, notes: ReadonlyMap<string, string>): string[] {
  return model.notes.map((n, i) => {
    return `/** note \`${docText(n.name)}\` — ${docText(n.at.join('.'))} */\nconst note${i} = ${compileNote(n.expression, templateOrigin(doc, [...n.at, 'expression']), notes)};\n`;
  });
}
