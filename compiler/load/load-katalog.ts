/**
 * The loader: a Katalog file in, a schema-valid document out (or positioned diagnostics).
 * Steps, each stopping the load when it fails: read (ORK001) → strict YAML (ORK002) →
 * one Katalog document (ORK003) → layouts not mixed (ORK008) → renamed keys (ORK006) →
 * schema: unknown keys and shapes (ORK004, ORK005) → `crdFile`/`crFiles` resolved and read (ORK007).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { KatalogSchema, type RawKatalog } from '../schema/index.ts';
import { readSource, type SourceFile } from './read-source.ts';
import { parseYamlDocuments, type YamlDocument } from './yaml-document.ts';
import { validateAgainstCached } from './validator.ts';
import { schemaDiagnostics } from './schema-errors.ts';
import { mixedLayoutDiagnostics } from './layouts.ts';
import { renamedKeyDiagnostics } from './renamed-keys.ts';
import { loadReferencedFiles, type ReferencedFiles } from './referenced-files.ts';

/** A Katalog that passed the loader. */
export interface LoadedKatalog {
  readonly file: string;
  readonly doc: YamlDocument;
  readonly raw: RawKatalog;
  readonly referenced: ReferencedFiles;
}

/** What the loader returns: the Katalog when loading succeeded, all diagnostics, and every source read. */
export interface LoadResult {
  readonly katalog?: LoadedKatalog;
  readonly diagnostics: readonly Diagnostic[];
  /** Text of every file read, for quoting lines in rendered diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
}

const API_VERSION = 'orkestra.orkspace.io/v1';

/** Loads `file` as a Katalog. Never throws for bad input. */
export function loadKatalog(file: string): LoadResult {
  const sources = new Map<string, string>();
  const src = readSource(file, 'Katalog');
  if ('code' in src) return { diagnostics: [src], sources };
  sources.set(file, src.text);
  const parsed = parseYamlDocuments(src);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics, sources };
  const docResult = pickKatalogDocument(src, parsed.documents);
  if ('diagnostics' in docResult) return { diagnostics: docResult.diagnostics, sources };
  const doc = docResult.doc;
  const mixed = mixedLayoutDiagnostics(doc);
  if (mixed.length > 0) return { diagnostics: mixed, sources };
  const renamed = renamedKeyDiagnostics(doc);
  if (renamed.length > 0) return { diagnostics: renamed, sources };
  const schemaErrors = validateAgainstCached('katalog', KatalogSchema, doc.value);
  if (schemaErrors.length > 0) return { diagnostics: schemaDiagnostics(schemaErrors, doc), sources };
  const raw = doc.value as RawKatalog;
  const referenced = loadReferencedFiles(file, raw, doc);
  for (const [f, text] of referenced.sources) sources.set(f, text);
  if (referenced.diagnostics.length > 0) return { diagnostics: referenced.diagnostics, sources };
  return { katalog: { file, doc, raw, referenced }, diagnostics: [], sources };
}

function pickKatalogDocument(src: SourceFile, docs: readonly YamlDocument[]): { doc: YamlDocument } | { diagnostics: Diagnostic[] } {
  const at1 = { file: src.file, line: 1, column: 1 };
  const first = docs[0];
  if (!first) {
    return { diagnostics: [{ severity: 'error', code: 'ORK003', message: 'the file is empty: no Katalog document', position: at1, hint: 'start with `apiVersion: orkestra.orkspace.io/v1` and `kind: Katalog` (or run `ork init`)' }] };
  }
  const second = docs[1];
  if (second) {
    return {
      diagnostics: [{
        severity: 'error',
        code: 'ORK003',
        message: `the file holds ${docs.length} YAML documents; a Katalog file holds exactly one`,
        position: second.locate([]),
        hint: 'move the other documents (CRDs, sample CRs) into their own files and reference them with crdFile / crFiles',
      }],
    };
  }
  const v = first.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return { diagnostics: [{ severity: 'error', code: 'ORK003', message: 'a Katalog must be a YAML mapping', position: first.locate([]), hint: 'start with `apiVersion: orkestra.orkspace.io/v1` and `kind: Katalog`' }] };
  }
  const o = v as Record<string, unknown>;
  if (o['kind'] !== 'Katalog') {
    const komposer = o['kind'] === 'Komposer';
    return {
      diagnostics: [{
        severity: 'error',
        code: 'ORK003',
        message: o['kind'] === undefined ? 'missing `kind: Katalog`' : `kind ${JSON.stringify(o['kind'])} is not a Katalog`,
        position: o['kind'] === undefined ? first.locate([]) : first.locate(['kind']),
        hint: komposer
          ? 'ork compiles one Katalog; Komposer imports are not supported by ork yet: inline the imported CRDs into spec.crds'
          : 'set `kind: Katalog`',
      }],
    };
  }
  if (o['apiVersion'] !== API_VERSION) {
    return {
      diagnostics: [{
        severity: 'error',
        code: 'ORK003',
        message: o['apiVersion'] === undefined ? `missing \`apiVersion: ${API_VERSION}\`` : `apiVersion ${JSON.stringify(o['apiVersion'])} is not ${API_VERSION}`,
        position: o['apiVersion'] === undefined ? first.locate([]) : first.locate(['apiVersion']),
        hint: `set \`apiVersion: ${API_VERSION}\``,
      }],
    };
  }
  return { doc: first };
}
