import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileTemplate } from '../../../compiler/template/index.ts';
import { parseJson, type TemplateData } from '../../../runtime-kit/template/index.ts';
import { loadCompiled, tryRender } from './load-compiled.ts';

const origin = { file: 'k.yaml', line: 4, column: 10 };

test('emitter snapshot: a field with a default', () => {
  const r = compileTemplate({ source: '{{ .spec.replicas | default 2 }}', origin });
  assert.ok(r.ok);
  assert.equal(
    r.code,
    [
      '(data: rt.TemplateData, ctx?: rt.RenderContext): string => {',
      '  const P: readonly rt.TemplateOrigin[] = [{ file: "k.yaml", line: 4, column: 13, expr: ".spec.replicas" }, { file: "k.yaml", line: 4, column: 30, expr: "default 2" }];',
      '  const o = new rt.Out();',
      '  o.value(rt.pipeStage(rt.field(P[0], rt.field(P[0], data, "spec"), "replicas"), (f0: rt.GoValue) => rt.noteDefault(P[1], (2n), f0)));',
      '  return o.done();',
      '}',
    ].join('\n'),
  );
});

test('emitter snapshot: if/else and range become blocks over generated names', () => {
  const r = compileTemplate({ source: '{{ if .spec.a }}x{{ else }}y{{ end }}{{ range $v := .spec.l }}{{ $v }}{{ end }}', origin });
  assert.ok(r.ok);
  assert.match(r.code, /const c0: rt\.GoValue = rt\.field\(P\[0\], rt\.field\(P\[0\], data, "spec"\), "a"\);\n\s+if \(rt\.truth\(c0\)\) \{\n\s+o\.text\("x"\);\n\s+\} else \{\n\s+o\.text\("y"\);/);
  assert.match(r.code, /let v3: rt\.GoValue = c2;\n\s+const r1 = rt\.rangeOver\(P\[1\], c2, false\);\n\s+for \(const \[, e5\] of r1\) \{\n\s+v3 = e5;\n\s+o\.value\(v3\);/);
});

test('user notes are no-arg functions ("true"/"false" become booleans) and sentinels read the context', async () => {
  const note = compileTemplate({ source: '{{ if eq .spec.env "prod" }}true{{ else }}false{{ end }}', origin, asNote: true });
  assert.ok(note.ok);
  assert.match(note.code, /rt\.runNote/);
  const user = compileTemplate({ source: '{{ if isProd }}P{{ end }}-{{ gate }}', origin, notes: new Map([['isProd', 'note_isProd']]), sentinels: ['gate'] });
  assert.ok(user.ok);
  assert.match(user.code, /note_isProd\(data, ctx\)/);
  assert.match(user.code, /rt\.sentinel\(ctx, "gate"\)/);
  const bad = compileTemplate({ source: '{{ isProd 1 }}', origin, notes: new Map([['isProd', 'note_isProd']]) });
  assert.equal(bad.ok, false);
  // Execute both through a module: the note function is defined beside the template.
  const [noteFn] = await loadCompiled([{ source: '{{ if eq .spec.env "prod" }}true{{ else }}false{{ end }}', asNote: true }]);
  const data = parseJson('{"spec":{"env":"prod"}}') as TemplateData;
  assert.equal((noteFn as unknown as (d: TemplateData) => unknown)(data), true);
});

test('execution errors carry the origin of the failing action', async () => {
  const [r] = await loadCompiled([{ source: 'x {{ index .spec.l 5 }}', origin: { file: 'kat.yaml', line: 9, column: 3 } }]);
  const out = tryRender(r as (d: TemplateData) => string, parseJson('{"spec":{"l":[1]}}') as TemplateData);
  assert.deepEqual(out, { ok: false, err: 'kat.yaml:9:8: executing template at <index .spec.l 5>: error calling index: index out of range: 5' });
});

test('numbers keep int64 exactness and print like Go', async () => {
  const [r] = await loadCompiled([{ source: '{{ .spec.big }} {{ .spec.f }} {{ .spec.e }} {{ .spec.huge }} {{ printf "%d" .spec.big }}' }]);
  const data = parseJson('{"spec":{"big":9007199254740993,"f":1e-6,"e":1.0,"huge":12345678901234567890}}') as TemplateData;
  assert.deepEqual(tryRender(r as (d: TemplateData) => string, data), { ok: true, out: '9007199254740993 1e-06 1 1.2345678901234567e+19 9007199254740993' });
});

test('templateData adds .inputs and .ork like Orkestra, without touching the CR', async () => {
  const { templateData } = await import('../../../runtime-kit/template/index.ts');
  const cr = parseJson('{"metadata":{"name":"a"},"spec":{}}') as TemplateData;
  const data = templateData(cr, { namespace: 'ops' }, { item: 'x' });
  const [r] = await loadCompiled([{ source: '{{ .inputs }}|{{ .ork.namespace }}|{{ .item }}|{{ .metadata.name }}', contexts: { item: { type: 'string' } } }]);
  assert.deepEqual(tryRender(r as (d: TemplateData) => string, data), { ok: true, out: 'map[]|ops|x|a' });
  assert.equal(Object.keys(cr).length, 2);
});

test('renderForPreview runs the compiled code with notes, and reports compile and execution errors', async () => {
  const { renderForPreview } = await import('../../../compiler/template/preview.ts');
  const at = { file: 'k.yaml', line: 1, column: 1 };
  const data = parseJson('{"spec":{"env":"prod","l":[]}}');
  const res = await renderForPreview(
    [
      { source: '{{ if isProd }}P{{ else }}D{{ end }}-{{ .spec.env | toUpper }}', origin: at },
      { source: '{{ index .spec.l 1 }}', origin: at },
      { source: '{{ nope }}', origin: at },
    ],
    data,
    { notes: [{ name: 'isProd', source: '{{ eq .spec.env "prod" }}', origin: at }] },
  );
  assert.deepEqual(res[0], { ok: true, out: 'P-PROD' });
  assert.equal(res[1]?.ok, false);
  assert.match(res[1] && 'error' in res[1] ? res[1].error : '', /index out of range: 1/);
  assert.equal(res[2] && 'diagnostics' in res[2] ? res[2].diagnostics[0]?.code : '', 'ORK105');
});
