/**
 * The constraints of one schema node compared between two sides: type, enum, numeric and
 * size bounds, pattern, format, nullable, unknown-field preservation, CEL validation rules,
 * combinators and defaults. Fields (properties, items) are walked by schema-diff.ts.
 */
import type { SchemaChange } from './report.ts';
import { num, stable, type SchemaNode } from './schema-node.ts';
import { compareTypes, typeLabel } from './schema-types.ts';

/** Lower bounds: a larger value (or a new one) rejects more. */
const LOWER = ['minimum', 'minLength', 'minItems', 'minProperties'] as const;
/** Upper bounds: a smaller value (or a new one) rejects more. */
const UPPER = ['maximum', 'maxLength', 'maxItems', 'maxProperties'] as const;
const COMBINATORS = ['allOf', 'anyOf', 'oneOf', 'not'] as const;

/** Every constraint change of node `a` → `b` at `path`. */
export function constraintChanges(path: string, a: SchemaNode, b: SchemaNode): SchemaChange[] {
  return [
    ...typeChange(path, a, b),
    ...enumChange(path, a, b),
    ...boundChanges(path, a, b),
    ...patternChange(path, a, b, 'pattern', 'pattern-changed'),
    ...patternChange(path, a, b, 'format', 'format-changed'),
    ...flagLost(path, a, b, 'nullable', 'nullable-changed', 'null no longer accepted', 'null now accepted'),
    ...flagLost(path, a, b, 'x-kubernetes-preserve-unknown-fields', 'unknown-fields-changed', 'unknown fields no longer preserved (pruned)', 'unknown fields now preserved'),
    ...ruleChanges(path, a, b),
    ...combinatorChanges(path, a, b),
    ...defaultChange(path, a, b),
  ];
}

const at = (path: string): string => path || '(root)';

function typeChange(path: string, a: SchemaNode, b: SchemaNode): SchemaChange[] {
  const c = compareTypes(a, b);
  if (c === 'same') return [];
  const detail = `type ${typeLabel(a)} → ${typeLabel(b)}${c === 'changed' ? '' : ` (${c})`}`;
  return [{ path: at(path), change: 'type-changed', breaking: c !== 'widened', detail }];
}

function enumChange(path: string, a: SchemaNode, b: SchemaNode): SchemaChange[] {
  const ea = Array.isArray(a['enum']) ? (a['enum'] as unknown[]) : undefined;
  const eb = Array.isArray(b['enum']) ? (b['enum'] as unknown[]) : undefined;
  if (!ea && !eb) return [];
  if (!ea) return [{ path: at(path), change: 'enum-changed', breaking: true, detail: `enum added: ${list(eb!)} (narrowed)` }];
  if (!eb) return [{ path: at(path), change: 'enum-changed', breaking: false, detail: `enum removed (widened)` }];
  const sa = new Set(ea.map(stable));
  const sb = new Set(eb.map(stable));
  const removed = ea.filter((v) => !sb.has(stable(v)));
  const added = eb.filter((v) => !sa.has(stable(v)));
  if (removed.length === 0 && added.length === 0) return [];
  const parts = [...(removed.length ? [`removed ${list(removed)}`] : []), ...(added.length ? [`added ${list(added)}`] : [])];
  return [{ path: at(path), change: 'enum-changed', breaking: removed.length > 0, detail: `enum ${parts.join(', ')} (${removed.length ? 'narrowed' : 'widened'})` }];
}

function list(vs: readonly unknown[]): string {
  return vs.map((v) => JSON.stringify(v)).join(', ');
}

function boundChanges(path: string, a: SchemaNode, b: SchemaNode): SchemaChange[] {
  const out: SchemaChange[] = [];
  const bound = (key: string, tighter: (x: number, y: number) => boolean): void => {
    const va = num(a, key);
    const vb = num(b, key);
    if (va === vb) return;
    const tightened = vb !== undefined && (va === undefined || tighter(vb, va));
    out.push({ path: at(path), change: 'bound-changed', breaking: tightened, detail: `${key} ${va ?? 'none'} → ${vb ?? 'none'} (${tightened ? 'tightened' : 'loosened'})` });
  };
  for (const k of LOWER) bound(k, (x, y) => x > y);
  for (const k of UPPER) bound(k, (x, y) => x < y);
  for (const k of ['exclusiveMinimum', 'exclusiveMaximum']) {
    const va = a[k] === true;
    const vb = b[k] === true;
    if (va !== vb) out.push({ path: at(path), change: 'bound-changed', breaking: vb, detail: `${k} ${va} → ${vb} (${vb ? 'tightened' : 'loosened'})` });
  }
  return out;
}

/** pattern and format: a new or changed one may reject old values (not analysed further). */
function patternChange(path: string, a: SchemaNode, b: SchemaNode, key: 'pattern' | 'format', change: 'pattern-changed' | 'format-changed'): SchemaChange[] {
  const va = typeof a[key] === 'string' ? (a[key] as string) : undefined;
  const vb = typeof b[key] === 'string' ? (b[key] as string) : undefined;
  if (va === vb) return [];
  if (vb === undefined) return [{ path: at(path), change, breaking: false, detail: `${key} ${JSON.stringify(va)} removed (loosened)` }];
  return [{ path: at(path), change, breaking: true, detail: `${key} ${va === undefined ? 'none' : JSON.stringify(va)} → ${JSON.stringify(vb)} (may reject existing values)` }];
}

/** A boolean that allows more when true: losing it is breaking. */
function flagLost(path: string, a: SchemaNode, b: SchemaNode, key: string, change: SchemaChange['change'], lost: string, gained: string): SchemaChange[] {
  const va = a[key] === true;
  const vb = b[key] === true;
  if (va === vb) return [];
  return [{ path: at(path), change, breaking: va, detail: va ? lost : gained }];
}

/** `x-kubernetes-validations`: a new rule may reject existing objects; a removed one never does. */
function ruleChanges(path: string, a: SchemaNode, b: SchemaNode): SchemaChange[] {
  const rules = (n: SchemaNode): Map<string, unknown> => {
    const v = n['x-kubernetes-validations'];
    return new Map((Array.isArray(v) ? v : []).map((r) => [stable(r), r] as const));
  };
  const ra = rules(a);
  const rb = rules(b);
  const ruleText = (r: unknown): string => (r && typeof r === 'object' && typeof (r as Record<string, unknown>)['rule'] === 'string' ? (r as Record<string, string>)['rule']! : stable(r));
  const out: SchemaChange[] = [];
  for (const [k, r] of rb) if (!ra.has(k)) out.push({ path: at(path), change: 'validation-rules-changed', breaking: true, detail: `validation rule added: ${ruleText(r)}` });
  for (const [k, r] of ra) if (!rb.has(k)) out.push({ path: at(path), change: 'validation-rules-changed', breaking: false, detail: `validation rule removed: ${ruleText(r)}` });
  return out;
}

/** allOf/anyOf/oneOf/not are not analysed: any change is reported as breaking, conservatively. */
function combinatorChanges(path: string, a: SchemaNode, b: SchemaNode): SchemaChange[] {
  return COMBINATORS.filter((k) => stable(a[k]) !== stable(b[k])).map((k) => ({ path: at(path), change: 'combinator-changed' as const, breaking: true, detail: `${k} changed (not analysed; treated as breaking)` }));
}

function defaultChange(path: string, a: SchemaNode, b: SchemaNode): SchemaChange[] {
  if (stable(a['default']) === stable(b['default'])) return [];
  const show = (v: unknown): string => (v === undefined ? 'none' : JSON.stringify(v));
  return [{ path: at(path), change: 'default-changed', breaking: false, detail: `default ${show(a['default'])} → ${show(b['default'])}` }];
}
