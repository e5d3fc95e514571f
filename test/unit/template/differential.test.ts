import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileTemplate } from '../../../compiler/template/index.ts';
import { interpret } from '../../template-reference/interpret.ts';
import type { TemplateData } from '../../../runtime-kit/template/index.ts';
import { CORPUS, crArbitrary } from './corpus.ts';
import { loadCompiled, TEST_ORIGIN, tryRender } from './load-compiled.ts';

test('compiled templates and the reference interpreter agree on every corpus template over generated CRs', async () => {
  const renderers = await loadCompiled(CORPUS.map((source) => ({ source })));
  const asts = CORPUS.map((source) => {
    const r = compileTemplate({ source, origin: TEST_ORIGIN });
    assert.ok(r.ok, source);
    return r.ast;
  });
  let runs = 0;
  fc.assert(
    fc.property(crArbitrary, ({ data }) => {
      CORPUS.forEach((source, i) => {
        const compiled = tryRender(renderers[i] as (d: TemplateData) => string, data as TemplateData);
        let ref: { ok: true; out: string } | { ok: false };
        try {
          ref = { ok: true, out: interpret(asts[i] as NonNullable<typeof asts[number]>, data) };
        } catch {
          ref = { ok: false };
        }
        runs++;
        assert.equal(compiled.ok, ref.ok, `${source}: error-ness differs (${compiled.ok ? '' : compiled.err})`);
        if (compiled.ok && ref.ok) assert.equal(compiled.out, ref.out, source);
      });
    }),
    { numRuns: 120, seed: 42 },
  );
  assert.ok(runs >= 5000, `ran ${runs} comparisons`);
});
