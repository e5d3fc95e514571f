/**
 * The operator bundle of every example: built by esbuild from the generated project, no
 * compiler module inside (esbuild's metafile lists every input), no eval / new Function /
 * dynamic import anywhere in the bundled code, within the size budget, and it starts far
 * enough to print its version.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleProject, forbiddenInputs } from '../../../compiler/build/bundle.ts';
import { exampleNames } from '../../../scripts/update-generated.ts';

const BUDGET = 1.5 * 1024 * 1024;

for (const name of exampleNames()) {
  test(`the ${name} bundle holds no compiler code and nothing that evaluates code`, async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ork-bundle-')), name);
    cpSync(path.join('generated', name), dir, { recursive: true });
    const r = await bundleProject(dir);
    assert.deepEqual(forbiddenInputs(r.metafile), []);
    const inputs = Object.keys(r.metafile.inputs);
    assert.ok(inputs.some((i) => i.includes('runtime-kit/operator/run.ts')), 'the runtime kit is inlined');
    assert.ok(!inputs.some((i) => /node_modules\/(ts-morph|typescript|ajv|commander)\//.test(i)));
    assert.ok(r.bytes < BUDGET, `${r.bytes} bytes`);
    const code = readFileSync(r.outfile, 'utf8');
    assert.doesNotMatch(code, /(^|[^\w$.])eval\s*\(/, 'no eval(');
    assert.doesNotMatch(code, /new\s+Function\s*\(/, 'no new Function(');
    assert.doesNotMatch(code, /(^|[^\w$.])import\s*\(/, 'no dynamic import(');
    assert.doesNotMatch(code, /from\s*"(node:)?[a-z_/]+"/, 'Node built-ins are required, never ESM-imported (idle memory, builtinsViaRequire)');
    const out = execFileSync(path.resolve('node_modules/.bin/node'), [r.outfile, 'version'], { encoding: 'utf8' });
    assert.match(out, new RegExp(`^${JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name} `));
  });
}
