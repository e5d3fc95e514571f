/**
 * Codes the loader reports (before any check runs), for docs/checks.md. The checks' own
 * codes live on each Check in compiler/check/registry.ts.
 */

/** One loader code: what it means and which Orkestra step it mirrors. */
export interface LoadCode {
  readonly code: string;
  readonly title: string;
  readonly orkestraStep: string;
}

/** Loader codes in the order the loader can report them. */
export const LOAD_CODES: readonly LoadCode[] = [
  { code: 'ORK001', title: 'file missing, unreadable, binary or over 4 MiB', orkestraStep: 'load: read file' },
  { code: 'ORK002', title: 'invalid YAML: syntax, duplicate keys, tabs, alias bombs', orkestraStep: 'load: strict YAML decode' },
  { code: 'ORK003', title: 'not one `apiVersion: orkestra.orkspace.io/v1`, `kind: Katalog` document', orkestraStep: 'ork validate: kind detection' },
  { code: 'ORK008', title: 'one CRD entry mixes the classic and newest layout for the same thing', orkestraStep: 'ork (both layouts accepted, never mixed)' },
  { code: 'ORK006', title: 'renamed key (`anyOf`, hooks `resources`, `cross.labels`, `cross.source.type`)', orkestraStep: 'load: renamed fields rejected (CHANGELOG v0.7.16–17)' },
  { code: 'ORK004', title: 'unknown key, at any depth (did-you-mean)', orkestraStep: 'load: strict YAML decode (unknown fields)' },
  { code: 'ORK005', title: 'wrong shape: type, required key, allowed values', orkestraStep: 'load: strict YAML decode (types)' },
  { code: 'ORK007', title: '`crdFile` / `crFiles` missing, a URL, not YAML, or not a CRD', orkestraStep: 'load: crdFile populates apiTypes' },
];
