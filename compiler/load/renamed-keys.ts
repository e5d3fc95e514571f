/**
 * Keys Orkestra renamed and now rejects at load time (its CHANGELOG v0.7.16–v0.7.17). ork
 * rejects them too, but names the new key instead of calling the old one unknown (ORK006).
 */

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
