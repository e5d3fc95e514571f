/**
 * The compiled templates of one generated module: each template of the Katalog becomes a
 * module-level `const tN = (data, ctx) => string`, with a doc comment quoting the template
 * and naming its Katalog path. Compilation errors were reported by `ork validate` (ORK050);
 * a template that fails here is a bug in ork, reported as such.
 */
import { compileTemplate, type DataSchema, type TargetKind } from '../../template/index.ts';
import type { TemplateSource } from '../../template/positions.ts';
import { docText } from '../code/identifiers.ts';

/** One template to compile. */
export interface TemplateRequest {
  readonly source: string;
  readonly origin: TemplateSource;
  readonly schema: DataSchema | undefined;
  readonly contexts: Readonly<Record<string, DataSchema>>;
  readonly expect?: TargetKind;
}

/** Collects templates and hands out the names of their compiled functions. */
export class TemplateTable {
  readonly #decls: string[] = [];
  readonly #notes: ReadonlyMap<string, string>;
  constructor(notes: ReadonlyMap<string, string>) {
    this.#notes = notes;
  }

  /** Compiles `req` and returns the identifier of its function (`t0`, `t1`, ...). */
  add(req: TemplateRequest): string {
    const r = compileTemplate({
      source: req.source,
      origin: req.origin,
      ...(req.schema ? { schema: req.schema } : {}),
      contexts: req.contexts,
      notes: this.#notes,
      ...(req.expect ? { expect: req.expect } : {}),
    });
    if (!r.ok) throw new Error(`template at ${req.origin.path ?? `${req.origin.line}:${req.origin.column}`} does not compile: ${r.diagnostics.map((d) => d.message).join('; ')}`);
    const name = `t${this.#decls.length}`;
    this.#decls.push(`/** \`${docText(req.source).replace(/`/g, "'")}\` — ${docText(req.origin.path ?? '')} */\nconst ${name} = ${r.code};`);
    return name;
  }

  /** The declarations, in the order they were added. */
  declarations(): readonly string[] {
    return this.#decls;
  }
}

/** Compiles a user note body to its function expression (`(data, ctx) => GoValue`). */
export function compileNote(expression: string, origin: TemplateSource, notes: ReadonlyMap<string, string>): string {
  const r = compileTemplate({ source: expression, origin, notes, asNote: true });
  if (!r.ok) throw new Error(`note at ${origin.path ?? ''} does not compile: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.code;
}
