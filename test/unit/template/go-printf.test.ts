import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { marshalJson, parseJson, sprintf, type GoValue } from '../../../runtime-kit/template/index.ts';

const ORACLE_DIR = join(import.meta.dirname, '../../template-oracle');
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;

const verb = fc.constantFrom('v', 's', 'd', 'q', 't', 'f', 'F', 'e', 'E', 'g', 'G', 'x', 'X', 'o', 'O', 'b', 'c', 'U', 'T', '%', 'z');
const spec = fc
  .record({
    flags: fc.subarray(['-', '+', '#', ' ', '0']),
    width: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
    prec: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    verb,
  })
  .map(({ flags, width, prec, verb: v }) => `%${flags.join('')}${width ?? ''}${prec === undefined ? '' : `.${prec}`}${v}`);
const format = fc.array(fc.oneof(spec, fc.constantFrom('|', ' ', 'x')), { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
const arg: fc.Arbitrary<GoValue> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.5, 1.5, 2.5, -0.25, 1e-7, 1e21, 123456.789, 0.1, 1 / 3, 5e-324, 1.7976931348623157e308, 100),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.integer({ min: -300, max: 70000 }).map((n) => BigInt(n)),
  fc.string({ maxLength: 5 }),
  fc.constantFrom('héllo', '', 'a"b\\c', '\u0007\n', '😀', '\u2028'),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }).map((n) => BigInt(n)), fc.string({ maxLength: 2 })), { maxLength: 2 }),
);

test('printf with random verbs, flags, widths and precisions matches Go fmt', { skip: hasGo ? false : 'go is not installed: Go printf comparison skipped' }, () => {
  const bin = join(mkdtempSync(join(tmpdir(), 'ork-oracle-')), 'oracle');
  execFileSync('go', ['build', '-o', bin, '.'], { cwd: ORACLE_DIR, env: { ...process.env, GOTOOLCHAIN: 'local' } });
  const samples = fc.sample(fc.record({ format, args: fc.array(arg, { minLength: 0, maxLength: 3 }) }), { numRuns: Number(process.env.ORK_FUZZ_RUNS ?? 3000), seed: Number(process.env.ORK_FUZZ_SEED ?? 5) });
  const cases = samples.map(({ format: f, args }) => {
    const refs = args.map((_, i) => `.a${i}`).join(' ');
    const data = marshalJson(Object.fromEntries(args.map((a, i) => [`a${i}`, a])) as GoValue);
    return { template: `{{ printf ${JSON.stringify(f)} ${refs} }}`, data, format: f };
  });
  const results = JSON.parse(execFileSync(bin, [], { input: JSON.stringify(cases.map(({ template, data }) => ({ template, data }))), encoding: 'utf8', maxBuffer: 64 << 20 })) as Array<{ ok: boolean; out: string; err: string }>;
  const mismatches: string[] = [];
  cases.forEach((c, i) => {
    const go = results[i];
    if (!go) return;
    const data = parseJson(c.data) as Record<string, GoValue>;
    const args = Object.keys(data).sort().map((k) => data[k] ?? null);
    // Orkestra trims the output; so does the oracle. Compare the same way.
    const ours = sprintf(c.format, args).trim();
    if (!go.ok || go.out !== ours.replace(/^[\s]+|[\s]+$/gu, '')) mismatches.push(`${c.template} on ${c.data}\n  go:  ${go.ok ? JSON.stringify(go.out) : go.err}\n  ork: ${JSON.stringify(ours)}`);
  });
  assert.deepEqual(mismatches.slice(0, 12), [], `${mismatches.length} of ${cases.length} differ`);
});
