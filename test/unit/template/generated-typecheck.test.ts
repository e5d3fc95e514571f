import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileTemplate } from '../../../compiler/template/index.ts';
import { CORPUS } from './corpus.ts';
import { TEST_ORIGIN } from './load-compiled.ts';

const ROOT = join(import.meta.dirname, '../../..');

test('generated template code type-checks under strict, noUncheckedIndexedAccess and noUnusedLocals', () => {
  const compile = (source: string, extra: object = {}): string => {
    const r = compileTemplate({ source, origin: TEST_ORIGIN, ...extra });
    assert.ok(r.ok, source);
    return r.code;
  };
  const note = compile('{{ if .spec.n }}true{{ end }}', { asNote: true });
  const extra = [
    compile('{{ isN }}{{ gate }}{{ $x := 1 }}{{ $x = 2 }}{{ range $i, $e := .spec.l }}{{ $i }}{{ end }}{{ range .spec.l }}x{{ end }}', { notes: new Map([['isN', 'noteIsN']]), sentinels: ['gate'] }),
    compile('static text only'),
  ];
  const runtime = join(ROOT, 'runtime-kit/template/index.ts');
  const src = `import * as rt from ${JSON.stringify(runtime)};\nconst noteIsN = ${note};\nexport const all: Array<(d: rt.TemplateData, c?: rt.RenderContext) => string> = [\n${[...CORPUS.map((s) => compile(s)), ...extra].join(',\n')}\n];\n`;
  const dir = mkdtempSync(join(tmpdir(), 'ork-tpl-tc-'));
  const file = join(dir, 'generated.ts');
  writeFileSync(file, src);
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  const args = ['--ignoreConfig', '--noEmit', '--strict', '--noUncheckedIndexedAccess', '--noUnusedLocals', '--target', 'es2024', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--allowImportingTsExtensions', '--types', 'node', '--skipLibCheck', file];
  const r = spawnSync(tsc, args, { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});

test('runtime-kit/template compiles against plain ES2024 (no Node or DOM types)', () => {
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  const file = join(ROOT, 'runtime-kit/template/index.ts');
  const args = ['--ignoreConfig', '--noEmit', '--strict', '--noUncheckedIndexedAccess', '--target', 'es2024', '--lib', 'es2024', '--types', '', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--allowImportingTsExtensions', '--skipLibCheck', file];
  const r = spawnSync(tsc, args, { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});
