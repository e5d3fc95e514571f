/**
 * Runs a CRD's generated reconciler on one CR, offline, for `ork template --cr` (and `ork
 * simulate`): the project is generated and the reconciler module bundled by esbuild exactly as
 * for the operator, then loaded and called — so a preview renders the same bytes the operator
 * would apply (same compiled templates, same child builders, same number model).
 */
import { build, type Plugin } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RUNTIME_KIT_DIR } from '../generate.ts';
import { writeTree } from '../cli/write-tree.ts';
import { reconcileFunctionName } from '../emit/reconciler/reconciler-module.ts';
import type { CrdModel } from '../model/katalog-model.ts';
import type { Desired, KubeObjectLike } from '../../runtime-kit/reconcile/desired.ts';

/** Generated files (from `generate()`), the CRD to preview and the CR. */
export interface PreviewInput {
  readonly files: ReadonlyMap<string, string>;
  readonly crd: CrdModel;
  readonly cr: KubeObjectLike;
}

/** The desired state the CRD's reconciler computes for the CR (throws its TemplateError). */
export async function previewReconcile(input: PreviewInput): Promise<Desired> {
  const mod = (await importGenerated(input.files, path.join('src', 'reconcilers', `${input.crd.name}.ts`))) as Record<string, (cr: unknown, input: unknown) => Desired>;
  const fn = mod[reconcileFunctionName(input.crd)];
  if (!fn) throw new Error(`the generated module has no ${reconcileFunctionName(input.crd)}`);
  const cr = { ...input.cr, metadata: { uid: '00000000-0000-0000-0000-000000000000', generation: 1, ...input.cr.metadata } };
  return fn(cr, { children: {}, ork: {} });
}

/**
 * Bundles one module of a generated project (`entry`, relative to the project root) with
 * esbuild exactly as for the operator, and imports it. `stubs` replaces import specifiers by
 * module source (e.g. the operator entry's `main`, so importing `src/main.ts` starts nothing).
 */
export async function importGenerated(files: ReadonlyMap<string, string>, entry: string, stubs: Readonly<Record<string, string>> = {}): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-preview-'));
  try {
    writeTree(dir, files);
    const outfile = path.join(dir, 'preview.mjs');
    await build({
      entryPoints: [path.join(dir, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
      alias: { '@ork/runtime-kit': RUNTIME_KIT_DIR },
      plugins: [stubPlugin(stubs)],
    });
    return (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function stubPlugin(stubs: Readonly<Record<string, string>>): Plugin {
  return {
    name: 'ork-stubs',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => (Object.hasOwn(stubs, args.path) ? { path: args.path, namespace: 'ork-stub' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'ork-stub' }, (args) => ({ contents: stubs[args.path] ?? '', loader: 'js' }));
    },
  };
}
