/**
 * Preview rendering for `ork template --cr` and `ork simulate`: runs the very code the operator
 * will run (the emitted TypeScript over runtime-kit/template), so preview and runtime agree byte
 * for byte. The compiled module is written to a private temporary directory and imported; user
 * text reaches it only as JSON string literals, exactly as in the generated operator.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { compileTemplate, type CompileTemplateInput } from './index.ts';
import type { TemplateSource } from './positions.ts';

/** A user note for preview: its name, template and where it was written. */
export interface PreviewNote {
  readonly name: string;
  readonly source: string;
  readonly origin: TemplateSource;
}

/** The outcome of rendering one template in preview. */
export type PreviewResult =
  | { readonly ok: true; readonly out: string }
  | { readonly ok: false; readonly error: string }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

type Rendered = (data: unknown, ctx?: unknown) => string;

const RUNTIME_URL = new URL('../../runtime-kit/template/index.ts', import.meta.url).href;

/**
 * Compiles the notes and templates and renders each template over `data` (a value from
 * `rt.parseJson` / `rt.templateData`). Compile errors come back as diagnostics (a faulty note
 * fails every template), execution errors as Go-style messages.
 */
export async function renderForPreview(
  templates: readonly Omit<CompileTemplateInput, 'notes' | 'asNote'>[],
  data: unknown,
  opts: { readonly notes?: readonly PreviewNote[]; readonly ctx?: unknown } = {},
): Promise<PreviewResult[]> {
  const notes = opts.notes ?? [];
  const refs = new Map(notes.map((n, i) => [n.name, `note${i}`]));
  const compiledNotes = notes.map((n) => compileTemplate({ source: n.source, origin: n.origin, notes: refs, asNote: true }));
  const noteErrors = compiledNotes.flatMap((c) => (c.ok ? [] : c.diagnostics));
  const compiled = templates.map((t) => compileTemplate({ ...t, notes: refs }));
  const body = compiled.map((c) => (c.ok ? c.code : '(): string => ""'));
  const defs = compiledNotes.map((c, i) => `const note${i} = ${c.ok ? c.code : '(): rt.GoValue => null'};`);
  const module = `import * as rt from ${JSON.stringify(RUNTIME_URL)};\n${defs.join('\n')}\nexport const renderers = [\n${body.join(',\n')}\n];\n`;
  const dir = mkdtempSync(join(tmpdir(), 'ork-preview-'));
  try {
    const file = join(dir, 'preview.mts');
    writeFileSync(file, module, { mode: 0o600 });
    const { renderers } = (await import(pathToFileURL(file).href)) as { renderers: Rendered[] };
    return compiled.map((c, i): PreviewResult => {
      if (noteErrors.length > 0) return { ok: false, diagnostics: noteErrors };
      if (!c.ok) return { ok: false, diagnostics: c.diagnostics };
      try {
        return { ok: true, out: String((renderers[i] as Rendered)(data, opts.ctx)) };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
