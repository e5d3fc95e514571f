/**
 * What the developer loop knows about one saved state of a Katalog: the files it read (the
 * Katalog, its `crdFile`s, `crFiles` and `setup` files — the files to watch), a key over
 * everything the operator is built from (the Katalog and its CRD files: equal keys need no
 * rebuild) and the texts of the files the loop applies (`setup` before the operator starts,
 * `crFiles` after; each applied again only when its text changes).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
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
  /** `setup` file (absolute) → its text ('' when unreadable: applying it reports why), for the enabled CRDs. */
  readonly setupFiles: ReadonlyMap<string, string>;
}

/** The sample CR files of the enabled CRDs, absolute (relative paths are relative to the Katalog). */
export function sampleCrFiles(katalog: string, model: KatalogModel): string[] {
  return model.crds.filter((c) => c.enabled).flatMap((c) => (c.raw.crFiles ?? []).map((f) => path.resolve(path.dirname(katalog), f)));
}

/**
 * The `setup` files of the enabled CRDs (the list form, relative to the Katalog), and how many
 * entries use the block form (helm installs, waits), which the developer loop does not apply.
 */
export function setupFiles(katalog: string, model: KatalogModel): { files: string[]; blocks: number } {
  const enabled = model.crds.filter((c) => c.enabled && c.raw.setup !== undefined);
  const lists = enabled.map((c) => c.raw.setup).filter((s): s is string[] => Array.isArray(s));
  return { files: lists.flat().map((f) => path.resolve(path.dirname(katalog), f)), blocks: enabled.length - lists.length };
}

/** Snapshot of a validation result (valid or not: an invalid Katalog still names files to watch). */
export function snapshotOf(katalog: string, v: Validation): KatalogSnapshot {
  const read = new Map([...v.sources].map(([f, text]) => [path.resolve(f), text] as const));
  const crNames = new Set(v.model ? sampleCrFiles(katalog, v.model) : []);
  const crFiles = new Map([...read].filter(([f]) => crNames.has(f)));
  const hash = createHash('sha256');
  for (const [f, text] of [...read].filter(([f]) => !crNames.has(f)).sort(([a], [b]) => a.localeCompare(b))) hash.update(`${f}\0${text}\0`);
  const setup = new Map((v.model ? setupFiles(katalog, v.model).files : []).map((f) => [f, readOrEmpty(f)] as const));
  const files = new Set([path.resolve(katalog), ...[...read.keys()].filter((f) => existsSync(f)), ...crNames, ...setup.keys()]);
  return { files: [...files], buildKey: hash.digest('hex'), crFiles, setupFiles: setup };
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
