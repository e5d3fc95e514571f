/**
 * Files a Katalog names: each CRD entry's `crdFile` (read as a CustomResourceDefinition) and
 * `crFiles` (sample CRs for development). Paths are relative to the Katalog; reading uses the
 * same strict YAML rules and positions as the Katalog itself (ORK007 for what is wrong).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RawKatalog } from '../schema/index.ts';
import { loadCrdFile, resolveFromKatalog, type LoadedCrdFile } from './crd-file.ts';
import { readSource } from './read-source.ts';
import { parseYamlDocuments, type YamlDocument } from './yaml-document.ts';

/** The files a Katalog references, keyed by CRD entry name. */
export interface ReferencedFiles {
  readonly crdFiles: ReadonlyMap<string, LoadedCrdFile>;
  readonly crFiles: ReadonlyMap<string, readonly { file: string; docs: readonly YamlDocument[] }[]>;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/** Loads every `crdFile` and `crFiles` entry of the Katalog. */
export function loadReferencedFiles(katalogFile: string, raw: RawKatalog, doc: YamlDocument): ReferencedFiles {
  const crdFiles = new Map<string, LoadedCrdFile>();
  const crFiles = new Map<string, { file: string; docs: YamlDocument[] }[]>();
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  for (const [name, entry] of Object.entries(raw.spec?.crds ?? {})) {
    const base = ['spec', 'crds', name];
    if (typeof entry.crdFile === 'string') {
      const r = loadCrdFile(katalogFile, entry.crdFile, doc.locate([...base, 'crdFile']));
      diagnostics.push(...r.diagnostics);
      if (r.text !== undefined && r.file) sources.set(r.file.file, r.text);
      if (r.file) crdFiles.set(name, r.file);
    }
    const list: { file: string; docs: YamlDocument[] }[] = [];
    (entry.crFiles ?? []).forEach((written, i) => {
      const from = doc.locate([...base, 'crFiles', i]);
      const file = resolveFromKatalog(katalogFile, written);
      const src = readSource(file, 'crFiles entry', from);
      if ('code' in src) {
        diagnostics.push({ ...src, code: 'ORK007' });
        return;
      }
      sources.set(file, src.text);
      const parsed = parseYamlDocuments(src);
      diagnostics.push(...parsed.diagnostics);
      list.push({ file, docs: parsed.documents });
    });
    if (list.length > 0) crFiles.set(name, list);
  }
  return { crdFiles, crFiles, diagnostics, sources };
}
