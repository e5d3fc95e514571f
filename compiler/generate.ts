/**
 * `ork generate`'s driver: validate (the whole boundary), then build the project in memory.
 * Returns data; the CLI writes or compares it.
 */
import path from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import { loadKatalog } from './load/load-katalog.ts';
import { validateKatalog } from './validate.ts';
import { generateProject, relativePath } from './emit/project.ts';
import { UnsupportedFeature } from './emit/reconciler/condition-literal.ts';
import { notCompiledWarnings } from './emit/not-compiled.ts';

/** Where ork's runtime kit lives (generated tsconfig paths point at it). */
export const RUNTIME_KIT_DIR = path.resolve(import.meta.dirname, '..', 'runtime-kit');

/** The outcome of generating one Katalog. */
export interface Generation {
  readonly files?: ReadonlyMap<string, string>;
  /** The output folder chosen. */
  readonly outDir?: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/** Validates `katalogPath` and emits its project for output folder `outDir` (or the one it names from the Katalog). */
export function generate(katalogPath: string, outDirFor: string | ((katalogName: string) => string)): Generation {
  const v = validateKatalog(katalogPath);
  if (!v.model) return { diagnostics: v.diagnostics, sources: v.sources };
  const outDir = typeof outDirFor === 'string' ? outDirFor : outDirFor(v.model.name);
  const loaded = loadKatalog(katalogPath);
  const doc = loaded.katalog!.doc;
  try {
    const files = generateProject({
      model: v.model,
      doc,
      katalogPath: katalogPath.split(path.sep).join('/'),
      runtimeKitPath: relativePath(path.resolve(outDir), RUNTIME_KIT_DIR),
    });
    return { files, outDir, diagnostics: [...v.diagnostics, ...notCompiledWarnings(v.model, doc)], sources: v.sources };
  } catch (err) {
    if (!(err instanceof UnsupportedFeature)) throw err;
    const d: Diagnostic = {
      severity: 'error',
      code: 'ORK045',
      message: err.message,
      position: doc.locate(err.path),
      path: err.path.join('.'),
      hint: 'ork validates this Katalog but cannot compile this part yet (see docs/differences.md); remove it to generate the operator',
    };
    return { diagnostics: [...v.diagnostics, d], sources: v.sources };
  }
}
