import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileTemplate } from '../../../compiler/template/index.ts';
import { parseJson, TemplateError, type TemplateData } from '../../../runtime-kit/template/index.ts';
import { loadCompiled, TEST_ORIGIN, tryRender } from './load-compiled.ts';

/** Hostile template texts: each must compile to inert data or be rejected with a position. */
const HOSTILE_TEMPLATES: readonly string[] = [
  '"); require("child_process").exec("touch /tmp/pwned"); ("',
  '`${require("fs").writeFileSync("/tmp/pwned","x")}`',
  '*/ process.exit(1) /*',
  '{{ "\\"); process.exit(1); (\\"" }}',
  '{{ `${process.exit(1)}` }}',
  '{{ "*/ process.exit(1) /*" }}',
  '{{ "\\u2028process.exit(1)\\u2029" }}',
  'line1\nline2\r\n\'quote\' "dq" `bt` ${x} \\',
  '{{ .spec.__proto__ }}',
  '{{ .spec.constructor }}',
  '{{ .__proto__.polluted }}',
  '{{ index . "__proto__" }}',
  '{{ index .spec "constructor" }}',
  '{{ $x := .spec }}{{ $x.__proto__ }}',
  '{{ require "fs" }}',
  '{{ eval "1" }}',
  '{{ Function "return 1" }}',
  '{{ import "fs" }}',
  '{{ call .spec.f }}',
  '{{ process.exit }}',
  '{{ .spec.x; process.exit(1) }}',
  '{{ .spec.x }}}}{{',
  '{{ .spec.x',
  '{{ if .spec.x }}unclosed',
  '{{ end }}',
  '{{ else }}',
  '{{ range .spec.l }}{{ break }}{{ end }}{{ break }}',
  '{{ $undefined }}',
  '{{ define "x" }}y{{ end }}',
  '{{ template "x" }}',
  '{{ block "x" . }}y{{ end }}',
  '{{ "unterminated }}',
  "{{ 'ab' }}",
  '{{ 1i }}',
  '{{ 99999999999999999999999 }}',
  '{{ /* not a comment */ }}',
  '{{/* unclosed comment }}',
  '{{ .spec.x | "literal" }}',
  '{{ "a" "b" }}',
  '{{ (((((((((( .spec.x )))))))))) }}',
  `{{ ${'('.repeat(500)}1${')'.repeat(500)} }}`,
  `${'{{ if true }}'.repeat(300)}x${'{{ end }}'.repeat(300)}`,
  'x'.repeat(200_000),
  `{{ if false }}${'{{ else if false }}'.repeat(2000)}{{ end }}`,
  `{{ "${'('.repeat(100)}" }}`,
  `{{ "${'y'.repeat(100_000)}" }}`,
  '{{ "ünïcödé ☃ 😀 \\U0001F600 \\x41" }}',
  '{{ printf "%s" "\\u0000" }}',
  '{{ .spec.x | printf "%!" }}',
  '{{ html "<script>" }}',
  '{{ js "x" }}',
  '{{ toLower 42 }}',
  '{{ len }}',
  '{{ .spec.replicas.value }}',
  '{{ .spec.name "arg" }}',
  '{{ $x := 1 }}{{ $x.y.z }}',
  '{{- /* ok comment */ -}} ${constructor} {{ "`" }}',
];

/** Hostile field values fed to ordinary templates at run time. */
const HOSTILE_VALUES: readonly string[] = [
  '{"spec":{"name":"\\"); process.exit(1); //"}}',
  '{"spec":{"name":"${process.exit(1)}"}}',
  '{"spec":{"name":"{{ .spec.secret }}","secret":"leak"}}',
  '{"spec":{"__proto__":{"polluted":"yes"},"name":"p"}}',
  '{"spec":{"constructor":{"prototype":{"polluted":"yes"}}}}',
  '{"__proto__":{"polluted":"yes"},"spec":{}}',
  '{"spec":{"name":"\\u2028\\u2029*/`"}}',
  `{"spec":{"name":"${'z'.repeat(1_000_000)}"}}`,
  `{"spec":{"deep":${'['.repeat(900)}${']'.repeat(900)}}}`,
  `{"spec":{"deeper":${'['.repeat(20000)}${']'.repeat(20000)}}}`,
  '{"spec":{"name":"😀\\ud83d"}}',
];

const RUNTIME_TEMPLATES = ['{{ .spec.name }}', '{{ .spec }}', '{{ toJson .spec }}', '{{ index .spec "__proto__" }}', '{{ .spec.constructor }}', '{{ len .spec.name }}', '{{ range $k, $v := .spec }}{{ $k }}={{ $v }};{{ end }}', '{{ printf "%q" .spec.name }}'];

test('at least 50 hostile templates each compile to inert data or fail with a positioned error', async () => {
  assert.ok(HOSTILE_TEMPLATES.length >= 50);
  const compiled: string[] = [];
  for (const source of HOSTILE_TEMPLATES) {
    const r = compileTemplate({ source, origin: { file: 'hostile.yaml', line: 10, column: 5 } });
    if (r.ok) {
      compiled.push(source);
      // Outside its string literals, generated code has no dynamic code and no user text.
      const codeOnly = r.code.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
      assert.doesNotMatch(codeOnly, /\beval\b|new Function|\bimport\s*\(|\brequire\s*\(|process|child_process|`/, `generated code must not contain dynamic code (${source.slice(0, 40)})`);
    } else {
      for (const d of r.diagnostics) {
        assert.ok(d.position, `diagnostic without position for ${source.slice(0, 40)}`);
        assert.equal(d.position.file, 'hostile.yaml');
        assert.ok(d.position.line >= 10 && d.position.column >= 1);
        assert.match(d.code, /^ORK1\d\d$/);
        assert.ok(d.hint, `${d.code} ${d.message} has a hint`);
      }
    }
  }
  const renderers = await loadCompiled(compiled.map((source) => ({ source })));
  const data = parseJson('{"spec":{"x":"v","l":[1],"f":"f"}}') as TemplateData;
  for (const [i, r] of renderers.entries()) {
    const out = tryRender(r, data);
    assert.ok(out.ok || /executing template/.test(out.err), `${compiled[i]?.slice(0, 40)}: ${out.ok ? '' : out.err}`);
  }
  assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
});

test('templates that only print user text print it verbatim (injection text is data)', async () => {
  const [r1, r2] = await loadCompiled([{ source: '"); require("child_process") ${x} */ `' }, { source: '{{ "\\"); process.exit(1); //" }}' }]);
  const data = parseJson('{}') as TemplateData;
  assert.deepEqual(tryRender(r1 as (d: TemplateData) => string, data), { ok: true, out: '"); require("child_process") ${x} */ `' });
  assert.deepEqual(tryRender(r2 as (d: TemplateData) => string, data), { ok: true, out: '"); process.exit(1); //' });
});

test('hostile field values render as data and never pollute prototypes', async () => {
  const renderers = await loadCompiled(RUNTIME_TEMPLATES.map((source) => ({ source })));
  for (const json of HOSTILE_VALUES) {
    let data: TemplateData;
    try {
      data = parseJson(json) as TemplateData;
    } catch (e) {
      // Refused as data (too deep): a TemplateError, never a crash of the process.
      assert.ok(e instanceof TemplateError, String(e));
      continue;
    }
    for (const r of renderers) {
      const out = tryRender(r, data);
      assert.ok(out.ok || /executing template/.test(out.err));
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
  }
  const [nameR] = renderers;
  const leaked = tryRender(nameR as (d: TemplateData) => string, parseJson(HOSTILE_VALUES[2] as string) as TemplateData);
  assert.deepEqual(leaked, { ok: true, out: '{{ .spec.secret }}' }, 'a value containing {{ is not re-evaluated');
});

test('runtime-kit/template sources contain no eval, Function constructor or dynamic import', () => {
  const dir = join(import.meta.dirname, '../../../runtime-kit/template');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 5);
  for (const f of files) {
    const src = readFileSync(join(dir, f), 'utf8');
    assert.doesNotMatch(src, /\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(|\bimport\s*\(|\brequire\s*\(/, f);
    assert.doesNotMatch(src, /from ['"]\.\.\/\.\.\/compiler/, `${f} imports compiler code`);
  }
});
