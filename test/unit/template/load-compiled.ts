/**
 * Test helper: compiles templates with ork and loads the generated TypeScript as a real module
 * (written to a temporary directory, importing runtime-kit/template by absolute URL), so tests
 * run exactly the code the generator would emit.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileTemplate, type CompileTemplateInput } from '../../../compiler/template/index.ts';
import type { GoValue, RenderContext, TemplateData } from '../../../runtime-kit/template/index.ts';

/** A compiled template as a callable. */
export type Renderer = (data: TemplateData, ctx?: RenderContext) => string;

const RUNTIME = pathToFileURL(join(import.meta.dirname, '../../../runtime-kit/template/index.ts')).href;

/** Default origin for tests. */
export const TEST_ORIGIN = { file: 'katalog.yaml', line: 1, column: 1 } as const;

/** Compiles every template (throws with the diagnostics on failure) and imports the module. */
export async function loadCompiled(inputs: readonly Partial<CompileTemplateInput>[]): Promise<Renderer[]> {
  const codes = inputs.map((inp, i) => {
    const r = compileTemplate({ source: '', origin: TEST_ORIGIN, ...inp });
    if (!r.ok) throw new Error(`template ${i} ${JSON.stringify(inp.source)} failed: ${JSON.stringify(r.diagnostics)}`);
    return r.code;
  });
  const mod = `import * as rt from ${JSON.stringify(RUNTIME)};\nexport const renderers = [\n${codes.join(',\n')}\n];\n`;
  const dir = mkdtempSync(join(tmpdir(), 'ork-tpl-'));
  const file = join(dir, 'compiled.mts');
  writeFileSync(file, mod);
  const loaded = (await import(pathToFileURL(file).href)) as { renderers: Renderer[] };
  return loaded.renderers;
}

/** Renders, returning either the output or the error message. */
export function tryRender(r: Renderer, data: TemplateData, ctx?: RenderContext): { ok: true; out: string } | { ok: false; err: string } {
  try {
    return { ok: true, out: r(data, ctx) };
  } catch (e) {
    return { ok: false, err: e instanceof Error ? e.message : String(e) };
  }
}

export type { GoValue };
