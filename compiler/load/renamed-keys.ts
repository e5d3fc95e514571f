/**
 * Keys Orkestra renamed and now rejects at load time (its CHANGELOG v0.7.16–v0.7.17). ork
 * rejects them too, but names the new key instead of calling the old one unknown (ORK006).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { YamlDocument } from './yaml-document.ts';

/** One renamed key: where it lives (a test on the parent's document path) and its new name. */
export interface RenamedKey {
  readonly oldKey: string;
  readonly newKey: string;
  readonly since: string;
  /** True when a parent at this path is where the rename applies. */
  readonly appliesAt: (parentPath: readonly (string | number)[]) => boolean;
}

const last = (p: readonly (string | number)[]): string | number | undefined => p[p.length - 1];
const secondLast = (p: readonly (string | number)[]): string | number | undefined => p[p.length - 2];

/** Every rename ork knows about. */
export const RENAMED_KEYS: readonly RenamedKey[] = [
  { oldKey: 'anyOf', newKey: 'or', since: 'Orkestra v0.7.16', appliesAt: () => true },
  {
    oldKey: 'resources',
    newKey: 'managedResources',
    since: 'Orkestra v0.7.16',
    appliesAt: (p) => last(p) === 'hooks' || last(p) === 'constructor',
  },
  { oldKey: 'labels', newKey: 'labelSelector', since: 'Orkestra v0.7.17', appliesAt: (p) => secondLast(p) === 'cross' },
  { oldKey: 'type', newKey: 'protocol', since: 'Orkestra v0.7.17', appliesAt: (p) => last(p) === 'source' && p.includes('cross') },
];

/** The rename that explains `key` under `parentPath`, if any. */
export function findRename(key: string, parentPath: readonly (string | number)[]): RenamedKey | undefined {
  return RENAMED_KEYS.find((r) => r.oldKey === key && r.appliesAt(parentPath));
}

/**
 * Finds renamed keys anywhere in a document (the schema may know old keys so that they
 * reach this point instead of being reported as unknown).
 */
export function renamedKeyDiagnostics(doc: YamlDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (v: unknown, path: Array<string | number>): void => {
    if (Array.isArray(v)) return v.forEach((item, i) => visit(item, [...path, i]));
    if (v === null || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v)) {
      const rename = findRename(k, path);
      // `anyOf` is only the old condition list; a data key named anyOf is just data.
      if (rename && (k !== 'anyOf' || Array.isArray(child))) {
        out.push({
          severity: 'error',
          code: 'ORK006',
          message: `\`${k}\` was renamed to \`${rename.newKey}\` (${rename.since})`,
          position: doc.locateKey([...path, k]),
          path: [...path, k].join('.'),
          hint: `rename \`${k}\` to \`${rename.newKey}\``,
        });
      }
      visit(child, [...path, k]);
    }
  };
  visit(doc.value, []);
  return out;
}
