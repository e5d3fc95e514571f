/**
 * Orkestra's two Katalog layouts (spec README §1 "Two layouts"): the classic one puts the
 * reconciler settings, hooks and status directly under `operatorBox` and validation on the
 * CRD entry; the newest spells the reconciler `reconcile` (which may hold the hooks), moves
 * status under `emit.status` and validation under `admission.validation`. ork accepts both
 * but refuses a CRD entry that says the same thing in both spellings (ORK008).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { valueAt, type DocPath, type YamlDocument } from './yaml-document.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** One thing with two spellings: where the classic one is and where the newest one is. */
interface Spelling {
  readonly what: string;
  readonly classic: DocPath;
  readonly newest: DocPath;
}

const HOOKS = ['onCreate', 'onReconcile', 'onDelete'] as const;

/** Spellings checked inside each CRD entry (paths relative to the entry). */
const SPELLINGS: readonly Spelling[] = [
  { what: 'the reconciler settings', classic: ['operatorBox', 'reconciler'], newest: ['operatorBox', 'reconcile'] },
  { what: 'status', classic: ['operatorBox', 'status'], newest: ['operatorBox', 'emit', 'status'] },
  { what: 'validation rules', classic: ['validation'], newest: ['admission', 'validation'] },
  ...HOOKS.map((h) => ({ what: `\`${h}\``, classic: ['operatorBox', h], newest: ['operatorBox', 'reconcile', h] })),
];

/** Diagnostics for every CRD entry that mixes the two spellings of one thing. */
export function mixedLayoutDiagnostics(doc: YamlDocument): Diagnostic[] {
  const crds = valueAt(doc.value, ['spec', 'crds']);
  if (!isObj(crds)) return [];
  const out: Diagnostic[] = [];
  for (const name of Object.keys(crds)) {
    const entry = crds[name];
    for (const s of SPELLINGS) {
      if (valueAt(entry, s.classic) === undefined || valueAt(entry, s.newest) === undefined) continue;
      const base = ['spec', 'crds', name];
      out.push({
        severity: 'error',
        code: 'ORK008',
        message: `CRD \`${name}\` declares ${s.what} twice: as \`${s.classic.join('.')}\` and as \`${s.newest.join('.')}\``,
        position: doc.locateKey([...base, ...s.newest]),
        path: [...base, ...s.newest].join('.'),
        notes: [`the other spelling is at line ${doc.locateKey([...base, ...s.classic]).line}`],
        hint: `keep one: \`${s.newest.join('.')}\` is the newer spelling`,
      });
    }
  }
  return out;
}

/**
 * Notes naming the newer spelling where the classic one is used: one note per spelling (at
 * its first use, with the number of CRD entries using it), so a classic Katalog is not buried.
 */
export function classicLayoutNotes(doc: YamlDocument): Diagnostic[] {
  const crds = valueAt(doc.value, ['spec', 'crds']);
  if (!isObj(crds)) return [];
  const out: Diagnostic[] = [];
  for (const s of SPELLINGS.slice(0, 3)) {
    const users = Object.keys(crds).filter((name) => valueAt(crds[name], s.classic) !== undefined);
    const first = users[0];
    if (first === undefined) continue;
    const p = ['spec', 'crds', first, ...s.classic];
    out.push({
      severity: 'note',
      code: 'ORK041',
      message: `\`${s.classic.join('.')}\` is the classic spelling of ${s.what} (${users.length === 1 ? '1 CRD entry' : `${users.length} CRD entries`}); the newer one is \`${s.newest.join('.')}\``,
      position: doc.locateKey(p),
      path: p.join('.'),
      hint: 'both are accepted; nothing to do unless you are migrating to the newer layout',
    });
  }
  return out;
}
