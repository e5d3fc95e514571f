/**
 * Throws thousands of mutated Katalogs at the validation boundary and asserts it never
 * crashes, and that every diagnostic points inside the file it names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, cpSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { validateKatalog } from '../../../compiler/validate.ts';

const EXAMPLES = readdirSync('examples', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'invalid')
  .map((d) => d.name);

/** Copies every example folder into a scratch dir so crdFile references still resolve. */
const scratch = mkdtempSync(path.join(tmpdir(), 'ork-fuzz-'));
for (const e of EXAMPLES) cpSync(path.join('examples', e), path.join(scratch, e), { recursive: true });

const TOKENS = ['{{', '}}', ':', '- ', '  ', '\t', '"', "'", '&a ', '*a', '[', ']', '{', '}', '#', '\n', '---\n', 'null', '~', '<<: *a', '__proto__', 'constructor', '\u0000', '99999999999999999999', 'true', '!!binary', '%YAML 1.1\n'];

type Mutation = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; len: number } | { kind: 'dupLine'; line: number } | { kind: 'dropLine'; line: number } | { kind: 'indent'; line: number; by: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('dupLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('dropLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

function apply(text: string, m: Mutation): string {
  const lines = text.split('\n');
  switch (m.kind) {
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.len);
    }
    case 'dupLine': {
      const i = m.line % lines.length;
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'dropLine':
      lines.splice(m.line % lines.length, 1);
      return lines.join('\n');
    case 'indent': {
      const i = m.line % lines.length;
      const l = lines[i] ?? '';
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + l : l.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
  }
}

test('mutated Katalogs never crash the loader and every diagnostic is positioned inside its file', () => {
  let runs = 0;
  let invalid = 0;
  fc.assert(
    fc.property(fc.constantFrom(...EXAMPLES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (example, mutations) => {
      const dir = path.join(scratch, example);
      const original = readFileSync(path.join('examples', example, 'katalog.yaml'), 'utf8');
      const file = path.join(dir, 'fuzzed.yaml');
      writeFileSync(file, mutations.reduce(apply, original));
      const v = validateKatalog(file);
      runs++;
      if (v.diagnostics.some((d) => d.severity === 'error')) invalid++;
      for (const d of v.diagnostics) {
        assert.ok(d.position, `${d.code} has no position: ${d.message}`);
        const text = v.sources.get(d.position.file) ?? readFileSync(d.position.file, 'utf8');
        const lineCount = text.split('\n').length;
        assert.ok(d.position.line >= 1 && d.position.line <= lineCount, `${d.code} line ${d.position.line} outside 1..${lineCount}: ${d.message}`);
        assert.ok(d.position.column >= 1, `${d.code} column ${d.position.column}`);
        assert.ok(d.hint, `${d.code} has no hint: ${d.message}`);
      }
    }),
    { numRuns: 2000, seed: 20261130 },
  );
  assert.equal(runs, 2000);
  assert.ok(invalid > 500, `most mutations should be invalid, got ${invalid}`);
});

test('an alias bomb is refused with a positioned error, quickly', () => {
  const bomb = ['apiVersion: orkestra.orkspace.io/v1', 'kind: Katalog', 'metadata: {name: bomb}', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
  const file = path.join(scratch, 'bomb.yaml');
  writeFileSync(file, `${bomb.join('\n')}\n`);
  const v = validateKatalog(file);
  const e = v.diagnostics.find((d) => d.code === 'ORK002');
  assert.ok(e, JSON.stringify(v.diagnostics));
  assert.match(e.message, /alias/i);
  assert.ok((e.position?.line ?? 0) >= 4);
});

test('a file over the size limit is refused without being parsed', () => {
  const file = path.join(scratch, 'huge.yaml');
  writeFileSync(file, `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
  const v = validateKatalog(file);
  assert.equal(v.diagnostics[0]?.code, 'ORK001');
  assert.match(v.diagnostics[0]?.message ?? '', /limit/);
});
