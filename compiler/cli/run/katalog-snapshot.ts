/**
 * What the developer loop knows about one saved state of a Katalog: the files it read (the
 * Katalog, its `crdFile`s and `crFiles` — the files to watch), a key over everything the
 * operator is built from (the Katalog and its CRD files: equal keys need no rebuild) and the
 * sample CRs' texts (applied again only when they change).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Validation } from '../../validate.ts';
import type { KatalogModel } from '../../model/katalog-model.ts';

/** One saved state of the Katalog and the files it references. */
export interface KatalogSnapshot {
  /** Local files to watch (absolute). */
  readonly files: readonly string[];
  /** Hash of the Katalog and its CRD files' texts. */
  readonly buildKey: string;
  /** Sample CR file (absolute) → its text, for the enabled CRDs. */
  readonly crFiles: ReadonlyMap<string, string>;
}

/** The sample CR files of the enabled CRDs, absolute (relative paths are relative to the Katalog). */
export function sampleCrFiles(katalog: string, model: KatalogModel): string[] {
  return model.crds.filter((c) => c.enabled).flatMap((c) => (c.raw.crFiles ?? []).map((f) => path.resolve(path.dirname(katalog), f)));
}

/** Snapshot of a validation result (valid or not: an invalid Katalog still names files to watch). */
export function snapshotOf(katalog: string, v: Validation): KatalogSnapshot {
  const read = new Map([...v.sources].map(([f, text]) => [path.resolve(f), text] as const));
  const crNames = new Set(v.model ? sampleCrFiles(katalog, v.model) : []);
  const crFiles = new Map([...read].filter(([f]) => crNames.has(f)));
  const hash = createHash('sha256');
  for (const [f, text] of [...read].filter(([f]) => !crNames.has(f)).sort(([a], [b]) => a.localeCompare(b))) hash.update(`${f}\0${text}\0`);
  const files = new Set([path.resolve(katalog), ...[...read.keys()].filter((f) => existsSync(f)), ...crNames]);
  return { files: [...files], buildKey: hash.digest('hex'), crFiles };
}
