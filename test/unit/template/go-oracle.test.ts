import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { TemplateData } from '../../../runtime-kit/template/index.ts';
import { CORPUS, crArbitrary } from './corpus.ts';
import { loadCompiled, tryRender } from './load-compiled.ts';

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
