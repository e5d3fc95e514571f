/**
 * Every Katalog in examples/invalid/ must fail `ork validate` with the code and position its
 * first line announces — `# expect: ORK014 at 12:9` — and every Katalog directly in an
 * examples/<name>/ folder must pass. Run through the real CLI, as a user would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runOrk } from '../../helpers/run-ork.ts';

const INVALID = path.join(REPO_ROOT, 'examples', 'invalid');
const EXPECT = /^# expect: (ORK\d{3}) at (\d+):(\d+)\s*$/;

interface Expectation {
  readonly file: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
}

function invalidKatalogs(): Expectation[] {
  return readdirSync(INVALID)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .sort()
    .map((f) => {
      const first = readFileSync(path.join(INVALID, f), 'utf8').split('\n')[0] ?? '';
      const m = EXPECT.exec(first);
      assert.ok(m, `${f}: first line must be "# expect: ORKnnn at line:column", got ${JSON.stringify(first)}`);
      return { file: f, code: m[1] ?? '', line: Number(m[2]), column: Number(m[3]) };
    });
}

for (const e of invalidKatalogs()) {
  test(`examples/invalid/${e.file} fails with ${e.code} at ${e.line}:${e.column}`, async () => {
    const r = await runOrk(['validate', path.join('examples', 'invalid', e.file), '--output', 'json']);
    assert.equal(r.code, 1, `exit code (stderr: ${r.stderr})`);
    const out = JSON.parse(r.stdout) as { valid: boolean; diagnostics: Array<{ severity: string; code: string; line: number; column: number; message: string; hint: string | null }> };
    assert.equal(out.valid, false);
    const errors = out.diagnostics.filter((d) => d.severity === 'error');
    const hit = errors.find((d) => d.code === e.code);
    assert.ok(hit, `expected ${e.code}, got ${errors.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`).join(' | ')}`);
    assert.equal(`${hit.line}:${hit.column}`, `${e.line}:${e.column}`, hit.message);
    assert.ok(hit.hint && hit.hint.length > 0, 'every error has a hint');
  });
}

const examples = readdirSync(path.join(REPO_ROOT, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'invalid')
  .map((d) => path.join('examples', d.name, 'katalog.yaml'))
  .filter((f) => existsSync(path.join(REPO_ROOT, f)));

for (const f of examples) {
  test(`${f} is valid`, async () => {
    const r = await runOrk(['validate', f]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /valid — Katalog/);
  });
}

test('there is a failing example for every check code', async () => {
  const { CHECKS } = await import('../../../compiler/check/registry.ts');
  const { LOAD_CODES } = await import('../../../compiler/load/load-codes.ts');
  // A file named orkNNN-*.yaml covers check NNN even when the check reports finer codes
  // (ORK050 reports the template compiler's ORK1nn codes).
  const covered = new Set(invalidKatalogs().flatMap((e) => [e.code, e.file.slice(0, 6).toUpperCase()]));
  const missing = [...LOAD_CODES, ...CHECKS].map((c) => c.code).filter((c) => !covered.has(c));
  assert.deepEqual(missing, [], `checks without an examples/invalid/ Katalog: ${missing.join(', ')}`);
});
