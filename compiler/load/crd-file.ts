/**
 * Loads a CRD file named by a Katalog's `crdFile`: resolved relative to the Katalog, read
 * with the same strict YAML rules and positions, each CustomResourceDefinition document
 * checked against the CRD shape. Other documents in the file are ignored.
 */
import path from 'node:path';
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.ts';
import { readSource } from './read-source.ts';
import { parseYamlDocuments, type YamlDocument } from './yaml-document.ts';
import { validateAgainst } from './validator.ts';
import { schemaDiagnostics } from './schema-errors.ts';
import { CrdDocumentSchema, type CrdDocument } from './crd-file-schema.ts';

/** One CRD read from a file, with its document for positions. */
export interface LoadedCrd {
  readonly crd: CrdDocument;
  readonly doc: YamlDocument;
}

/** The result of loading one `crdFile`. */
export interface LoadedCrdFile {
  /** Path as ork opened it (Katalog folder + the written path). */
  readonly file: string;
  readonly crds: readonly LoadedCrd[];
}

/** Resolves a path written in a Katalog against the Katalog's folder. */
export function resolveFromKatalog(katalogFile: string, written: string): string {
  return path.isAbsolute(written) ? written : path.join(path.dirname(katalogFile), written);
}

/** Loads and checks one CRD file; `from` is the position of the `crdFile:` value. */
export function loadCrdFile(katalogFile: string, written: string, from: SourcePosition): { file?: LoadedCrdFile; diagnostics: Diagnostic[]; text?: string } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(written)) {
    return {
      diagnostics: [{
        severity: 'error',
        code: 'ORK007',
        message: `crdFile \`${written}\` is a URL; ork reads only local files`,
        position: from,
        hint: 'download the CRD into the repository and name the local file (ork makes no network calls at build time)',
      }],
    };
  }
  const file = resolveFromKatalog(katalogFile, written);
  const src = readSource(file, 'crdFile', from);
  if ('code' in src) return { diagnostics: [{ ...src, code: 'ORK007' }] };
  const parsed = parseYamlDocuments(src);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics, text: src.text };
  const diagnostics: Diagnostic[] = [];
  const crds: LoadedCrd[] = [];
  for (const doc of parsed.documents) {
    const v = doc.value as { kind?: unknown } | null;
    if (v === null || typeof v !== 'object' || v.kind !== 'CustomResourceDefinition') continue;
    const errs = validateAgainst(CrdDocumentSchema, doc.value);
    if (errs.length > 0) {
      diagnostics.push(...schemaDiagnostics(errs, doc).map((d) => ({ ...d, code: 'ORK007' })));
      continue;
    }
    crds.push({ crd: doc.value as CrdDocument, doc });
  }
  if (diagnostics.length === 0 && crds.length === 0) {
    diagnostics.push({
      severity: 'error',
      code: 'ORK007',
      message: `crdFile \`${written}\` holds no CustomResourceDefinition`,
      position: from,
      hint: 'name a file with `kind: CustomResourceDefinition` (apiextensions.k8s.io/v1), or drop crdFile and describe the CRD with apiTypes',
    });
  }
  return { file: { file, crds }, diagnostics, text: src.text };
}
