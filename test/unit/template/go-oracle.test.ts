import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseJson, type TemplateData } from '../../../runtime-kit/template/index.ts';
import { compileTemplate } from '../../../compiler/template/index.ts';
import { CORPUS, crArbitrary } from './corpus.ts';
import { loadCompiled, TEST_ORIGIN, tryRender } from './load-compiled.ts';

const ORACLE_DIR = join(import.meta.dirname, '../../template-oracle');
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;

test('compiled templates render exactly what Go text/template renders (shared corpus)', { skip: hasGo ? false : 'go is not installed: Go oracle comparison skipped' }, async () => {
  const bin = join(mkdtempSync(join(tmpdir(), 'ork-oracle-')), 'oracle');
  execFileSync('go', ['build', '-o', bin, '.'], { cwd: ORACLE_DIR, env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' } });
  const inputs = fc.sample(crArbitrary, { numRuns: 60, seed: 7 });
  const renderers = await loadCompiled(CORPUS.map((source) => ({ source })));
  const cases = CORPUS.flatMap((template) => inputs.map((inp) => ({ template, data: inp.json })));
  const stdout = execFileSync(bin, [], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const results = JSON.parse(stdout) as Array<{ ok: boolean; out: string; err: string }>;
  const mismatches: string[] = [];
  CORPUS.forEach((template, ti) => {
    inputs.forEach((inp, ii) => {
      const go = results[ti * inputs.length + ii];
      const ours = tryRender(renderers[ti] as (d: TemplateData) => string, inp.data as TemplateData);
      if (!go) return;
      if (go.ok !== ours.ok || (go.ok && ours.ok && go.out !== ours.out)) {
        mismatches.push(`${template}\n  data: ${inp.json}\n  go:   ${go.ok ? JSON.stringify(go.out) : `error ${go.err}`}\n  ork:  ${ours.ok ? JSON.stringify(ours.out) : `error ${ours.err}`}`);
      }
    });
  });
  assert.equal(cases.length, CORPUS.length * inputs.length);
  assert.deepEqual(mismatches.slice(0, 5), [], `${mismatches.length} of ${cases.length} cases differ`);
});

test('Go corner cases (errors included) render the same in ork and in Go', { skip: hasGo ? false : 'go is not installed: Go oracle comparison skipped' }, async () => {
  const { ORACLE_CASES, INT_NAMING_CASES } = await import('./oracle-cases.ts');
  const bin = join(mkdtempSync(join(tmpdir(), 'ork-oracle-')), 'oracle');
  execFileSync('go', ['build', '-o', bin, '.'], { cwd: ORACLE_DIR, env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' } });
  const stdout = execFileSync(bin, [], { input: JSON.stringify(ORACLE_CASES.map(([template, data]) => ({ template, data }))), encoding: 'utf8' });
  const results = JSON.parse(stdout) as Array<{ ok: boolean; out: string; err: string }>;
  const mismatches: string[] = [];
  const compilable = ORACLE_CASES.map(([template]) => compileTemplate({ source: template, origin: TEST_ORIGIN }).ok);
  const renderers = await loadCompiled(ORACLE_CASES.filter((_, i) => compilable[i]).map(([source]) => ({ source })));
  let r = 0;
  ORACLE_CASES.forEach(([template, data], i) => {
    const raw = results[i];
    if (!raw) return;
    const norm = (x: string): string => (INT_NAMING_CASES.has(template) ? x.replace(/\bint64\b/g, 'int') : x);
    const go = { ok: raw.ok, out: norm(raw.out), err: norm(raw.err) };
    if (!compilable[i]) {
      // ork refuses at compile time: Go must fail too (at parse or execution).
      if (go.ok) mismatches.push(`${template}\n  ork refuses it, Go renders ${JSON.stringify(go.out)}`);
      return;
    }
    const rendered = tryRender(renderers[r++] as (d: TemplateData) => string, parseJson(data) as TemplateData);
    const ours = rendered.ok ? { ok: true as const, out: norm(rendered.out) } : { ok: false as const, err: norm(rendered.err) };
    if (go.ok !== ours.ok || (go.ok && ours.ok && go.out !== ours.out)) {
      mismatches.push(`${template}\n  go:  ${go.ok ? JSON.stringify(go.out) : `error ${go.err}`}\n  ork: ${ours.ok ? JSON.stringify(ours.out) : `error ${ours.err}`}`);
    } else if (!go.ok && !ours.ok) {
      const reason = go.err.replace(/^.*?executing "f" at <[^>]*>: /s, '');
      if (!ours.err.endsWith(reason)) mismatches.push(`${template}\n  go error:  ${reason}\n  ork error: ${ours.err}`);
    }
  });
  assert.deepEqual(mismatches, [], `${mismatches.length} of ${ORACLE_CASES.length} corner cases differ`);
});
