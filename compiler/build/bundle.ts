/**
 * `ork build`'s bundler: esbuild bundles a generated project's `src/main.ts` with the runtime
 * kit and its npm dependencies into one minified ESM file (plus source map) for the pinned
 * Node LTS. The metafile lists every input, so callers can prove no compiler module (ts-morph,
 * typescript, ajv, commander, the template compiler) is inside.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { RUNTIME_KIT_DIR } from '../generate.ts';

/** What a bundle run produced. */
export interface BundleResult {
  readonly outfile: string;
  readonly bytes: number;
  readonly metafile: Metafile;
}

/** The Node version bundles target (the LTS pinned in package.json). */
export const NODE_TARGET = 'node24';

/** Bundles `<projectDir>/src/main.ts` into `<projectDir>/dist/main.js`. */
export async function bundleProject(projectDir: string): Promise<BundleResult> {
  const outfile = path.join(projectDir, 'dist', 'main.js');
  const result = await build({
    entryPoints: [path.join(projectDir, 'src', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: NODE_TARGET,
    format: 'esm',
    minify: true,
    sourcemap: true,
    metafile: true,
    legalComments: 'linked',
    logLevel: 'silent',
    alias: { '@ork/runtime-kit': RUNTIME_KIT_DIR },
    // CommonJS dependencies (yaml) and the built-ins (below) call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __ork_createRequire } from 'node:module'; const require = __ork_createRequire(import.meta.url);" },
    plugins: [builtinsViaRequire],
  });
  const out = result.metafile.outputs[path.relative(process.cwd(), outfile).split(path.sep).join('/')];
  return { outfile, bytes: out?.bytes ?? 0, metafile: result.metafile };
}

/**
 * Loads Node built-ins (`node:http`, `node:fs`, ...) through the banner's `require` instead of
 * ESM `import`, to save idle memory. Building the ES module namespace of a built-in reads every
 * export, including the lazy getters, so `import … from 'node:http'` makes Node load its internal
 * undici, http2, zlib, ... at start-up; `require` returns the CommonJS exports object and leaves
 * those getters unread. Measured on the web-app operator idle against a real plane: 69.1 → 64 MiB
 * RSS (bench/README.md, "after the built-ins-through-require bundler plugin"). Each built-in
 * becomes a one-line CommonJS module `module.exports = require("node:x")` in the `builtin`
 * namespace whose own `require` is external — static strings only: no eval, no dynamic import.
 */
export const builtinsViaRequire: Plugin = {
  name: 'builtins-via-require',
  setup(b) {
    b.onResolve({ filter: /^[a-z_:/]+$/ }, (a) => {
      if (!isBuiltin(a.path)) return undefined;
      return a.namespace === 'builtin' ? { path: a.path, external: true } : { path: a.path, namespace: 'builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (a) => ({ contents: `module.exports = require(${JSON.stringify(a.path)});`, loader: 'js' }));
  },
};

/** Inputs of the bundle that come from a package or folder that must never ship in an operator. */
export function forbiddenInputs(metafile: Metafile): string[] {
  const banned = [/node_modules\/(ts-morph|typescript|@ts-morph|ajv|commander|@sinclair\/typebox|esbuild|fast-check)\//, /(^|\/)compiler\//];
  return Object.keys(metafile.inputs).filter((i) => banned.some((b) => b.test(i)));
}
