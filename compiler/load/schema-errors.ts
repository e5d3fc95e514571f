/**
 * Turns ajv's schema errors into positioned diagnostics: unknown keys (ORK004, with
 * did-you-mean), renamed keys (ORK006, naming the new key), and wrong shapes (ORK005:
 * types, required keys, allowed values). Union branches are folded into one message.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { didYouMean } from '../diagnostics/suggest.ts';
import { valueAt, type DocPath, type YamlDocument } from './yaml-document.ts';
import { findRename } from './renamed-keys.ts';

/** Converts ajv errors for `doc` into diagnostics, one per problem, in document order. */
export function schemaDiagnostics(errors: readonly ErrorObject[], doc: YamlDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of relevantErrors(errors)) {
    const d = toDiagnostic(e, doc);
    const key = `${d.code}|${d.position?.line}:${d.position?.column}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out.sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0));
}

/** JSON pointer → document path (numbers for array indexes where the value is an array). */
export function pointerToPath(pointer: string, root: unknown): DocPath {
  if (pointer === '') return [];
  const path: Array<string | number> = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const i = Number(seg);
      path.push(i);
      cur = cur[i];
    } else {
      path.push(seg);
      cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return path;
}

/**
 * Drops the noise of unions: an anyOf/oneOf error is kept only when no branch got further
 * than the union's own level; otherwise the errors of the branch that went deepest are kept.
 */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const drop = new Set<ErrorObject>();
  for (const u of unions) {
    const branchErrors = errors.filter((e) => e !== u && e.schemaPath.startsWith(`${u.schemaPath}/`));
    const deeper = branchErrors.filter((e) => e.instancePath.length > u.instancePath.length || e.keyword === 'additionalProperties' || e.keyword === 'required');
    if (deeper.length === 0) {
      for (const e of branchErrors) drop.add(e);
      continue;
    }
    // Keep only the branch whose errors reach deepest (it matched the value's shape best).
    const branchOf = (e: ErrorObject): string => e.schemaPath.slice(u.schemaPath.length + 1).split('/')[0] ?? '';
    const depth = new Map<string, number>();
    for (const e of deeper) depth.set(branchOf(e), Math.max(depth.get(branchOf(e)) ?? 0, e.instancePath.length + 1));
    const best = [...depth.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    for (const e of branchErrors) if (branchOf(e) !== best || !deeper.includes(e)) drop.add(e);
    drop.add(u);
  }
  return errors.filter((e) => !drop.has(e));
}

function toDiagnostic(e: ErrorObject, doc: YamlDocument): Diagnostic {
  const path = pointerToPath(e.instancePath, doc.value);
  const where = path.length === 0 ? 'the top level' : `\`${path.join('.')}\``;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const keyPath = [...path, key];
      const rename = findRename(key, path);
      if (rename) {
        return {
          severity: 'error',
          code: 'ORK006',
          message: `\`${key}\` was renamed to \`${rename.newKey}\` (${rename.since})`,
          position: doc.locateKey(keyPath),
          path: keyPath.join('.'),
          hint: `rename \`${key}\` to \`${rename.newKey}\``,
        };
      }
      const known = Object.keys((e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
      const suggestion = didYouMean(key, known);
      return {
        severity: 'error',
        code: 'ORK004',
        message: `unknown key \`${key}\` in ${where}`,
        position: doc.locateKey(keyPath),
        path: keyPath.join('.'),
        hint: suggestion ?? (known.length > 0 ? `allowed keys here: ${known.join(', ')}` : 'remove it'),
      };
    }
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      return shape(doc, path, `missing required key \`${missing}\` in ${where}`, `add \`${missing}:\` to ${where}`);
    }
    case 'type':
    case 'anyOf':
    case 'oneOf': {
      const expected = describeExpected(e);
      const got = describeValue(valueAt(doc.value, path));
      return shape(doc, path, `${where} must be ${expected}, got ${got}`, hintForType(expected, got));
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v));
      const got = valueAt(doc.value, path);
      const sugg = typeof got === 'string' ? didYouMean(got, allowedStrings(e)) : undefined;
      return shape(doc, path, `${where} must be one of ${allowed.join(', ')}, got ${describeValue(got)}`, sugg ?? `use one of ${allowed.join(', ')}`);
    }
    case 'const': {
      const want = JSON.stringify((e.params as { allowedValue: unknown }).allowedValue);
      return shape(doc, path, `${where} must be ${want}, got ${describeValue(valueAt(doc.value, path))}`, `write ${want}`);
    }
    default:
      return shape(doc, path, `${where} ${e.message ?? 'is invalid'}`, 'see docs/katalog.md for this field');
  }
}

function shape(doc: YamlDocument, path: DocPath, message: string, hint: string): Diagnostic {
  return { severity: 'error', code: 'ORK005', message, position: doc.locate(path), path: path.join('.') || '(top level)', hint };
}

function allowedStrings(e: ErrorObject): string[] {
  return ((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).filter((v): v is string => typeof v === 'string');
}

function describeExpected(e: ErrorObject): string {
  if (e.keyword === 'type') {
    const t = (e.params as { type: string | string[] }).type;
    return (Array.isArray(t) ? t : [t]).map(article).join(' or ');
  }
  const branches = (e.schema as Array<{ type?: string; const?: unknown; enum?: unknown[] }> | undefined) ?? [];
  const kinds = [...new Set(branches.map((b) => (b.const !== undefined ? JSON.stringify(b.const) : b.type ? article(b.type) : 'a matching value')))];
  return kinds.join(' or ');
}

function article(t: string): string {
  return { object: 'a mapping', array: 'a list', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean', null: 'null' }[t] ?? t;
}

function hintForType(expected: string, got: string): string {
  if (expected.includes('a list') && got.startsWith('a mapping')) return 'write it as a YAML list (`- item` lines)';
  if (expected.includes('a mapping') && got.startsWith('a list')) return 'write it as a mapping (`key: value` lines), not a list';
  if (expected.includes('an integer') && got.startsWith('the string')) return 'write the number without quotes';
  return `change the value to ${expected}`;
}

/** A short description of a value for messages: `the string "three"`, `a list`, ... */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `the ${typeof v} ${String(v)}`;
}
