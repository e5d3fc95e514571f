import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileTemplate, isTemplate, type DataSchema } from '../../../compiler/template/index.ts';
import { parseTemplate } from '../../../compiler/template/parser.ts';
import { findFunction } from '../../../compiler/template/functions.ts';

const opts = { isFunction: (n: string) => findFunction(n) !== undefined };

const CRD: DataSchema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['image'],
      properties: {
        replicas: { type: 'integer' },
        image: { type: 'string' },
        regions: { type: 'array', items: { type: 'string' } },
        config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    status: { type: 'object', properties: { phase: { type: 'string' } } },
  },
};

function errors(source: string, extra: Partial<Parameters<typeof compileTemplate>[0]> = {}) {
  const r = compileTemplate({ source, origin: { file: 'k.yaml', line: 7, column: 12 }, schema: CRD, ...extra });
  assert.equal(r.ok, false, `expected ${source} to fail`);
  return r.ok ? [] : r.diagnostics;
}

test('isTemplate is true exactly when the text contains {{', () => {
  assert.equal(isTemplate('{{ .a }}'), true);
  assert.equal(isTemplate('plain {'), false);
});

test('the parser builds actions, control structures and spans', () => {
  const ast = parseTemplate('a{{ if $x := .spec.n }}{{ $x }}{{ else if .b }}b{{ else }}c{{ end }}{{ range $i, $e := .l }}{{ $e | printf "%v" }}{{ break }}{{ end }}', opts);
  assert.deepEqual(ast.nodes.map((n) => n.kind), ['text', 'if', 'range']);
  const ifNode = ast.nodes[1];
  assert.ok(ifNode?.kind === 'if');
  assert.equal(ifNode.pos, 1);
  assert.equal(ifNode.pipe.vars[0]?.name, '$x');
  assert.equal(ifNode.elseList?.[0]?.kind, 'if');
  const range = ast.nodes[2];
  assert.ok(range?.kind === 'range');
  assert.deepEqual(range.pipe.vars.map((v) => v.name), ['$i', '$e']);
});

test('trim markers, comments, raw strings, chars and numbers lex like Go', () => {
  const ast = parseTemplate("x  {{- /* c */ -}}  y{{ `raw\nq` }}{{ 'a' }}{{ 0x1F }}{{ 1e3 }}{{ -3 }}", opts);
  assert.deepEqual(ast.nodes.map((n) => (n.kind === 'text' ? n.text : n.kind)), ['x', 'y', 'action', 'action', 'action', 'action', 'action']);
});

test('syntax errors are positioned in the Katalog file (plain scalar)', () => {
  const [d] = errors('ok {{ .spec.image');
  assert.equal(d?.code, 'ORK101');
  assert.match(d?.message ?? '', /unclosed action/);
  assert.deepEqual(d?.position, { file: 'k.yaml', line: 7, column: 15 });
});

test('positions map through double-quoted escapes and block scalars', () => {
  const src = 'a\tb {{ .nope }}';
  const [d] = errors(src, { origin: { file: 'k.yaml', line: 3, column: 10, style: 'double-quoted', raw: 'a\\tb {{ .nope }}' } });
  assert.deepEqual(d?.position, { file: 'k.yaml', line: 3, column: 10 + 'a\\tb {{ '.length });
  const [b] = errors('line one\n  {{ .nope }}', { origin: { file: 'k.yaml', line: 20, column: 5, style: 'literal' } });
  assert.deepEqual(b?.position, { file: 'k.yaml', line: 21, column: 5 + 5 });
});

test('missing {{end}}, unknown functions and undefined variables have codes and hints', () => {
  const [end] = errors('{{ if .spec.image }}x');
  assert.equal(end?.code, 'ORK103');
  const [fn] = errors('{{ toLowr .spec.image }}');
  assert.equal(fn?.code, 'ORK105');
  assert.match(fn?.message ?? '', /function "toLowr" not defined/);
  assert.match(fn?.hint ?? '', /did you mean toLower/);
  const [html] = errors('{{ html .spec.image }}');
  assert.match(html?.hint ?? '', /not supported by ork/);
  const [v] = errors('{{ $y }}');
  assert.equal(v?.code, 'ORK104');
  const [def] = errors('{{ define "x" }}{{ end }}');
  assert.equal(def?.code, 'ORK106');
});

test('unknown fields are errors with did-you-mean; open schemas are unchecked', () => {
  const [d] = errors('{{ .spec.replicass }}');
  assert.equal(d?.code, 'ORK110');
  assert.equal(d?.message, 'field .spec.replicass does not exist');
  assert.equal(d?.hint, 'did you mean .spec.replicas?');
  const [m] = errors('{{ .metadata.nmae }}');
  assert.equal(m?.hint, 'did you mean .metadata.name?');
  const [root] = errors('{{ .sepc.image }}');
  assert.equal(root?.hint, 'did you mean .spec?');
  const ok = compileTemplate({ source: '{{ .spec.config.any.depth }}{{ .spec.labels.app }}{{ .status.phase }}', origin: { file: 'k', line: 1, column: 1 }, schema: CRD });
  assert.equal(ok.ok, true);
  const noSchema = compileTemplate({ source: '{{ .spec.whatever.deep }}', origin: { file: 'k', line: 1, column: 1 } });
  assert.equal(noSchema.ok, true);
});

test('field access on scalars, wrong argument types and arity are type errors', () => {
  assert.equal(errors('{{ .spec.replicas.value }}')[0]?.code, 'ORK111');
  assert.equal(errors('{{ toLower .spec.replicas }}')[0]?.code, 'ORK108');
  assert.equal(errors('{{ toLower 3 }}')[0]?.code, 'ORK108');
  assert.equal(errors('{{ ternary .spec.image "a" }}')[0]?.code, 'ORK107');
  assert.equal(errors('{{ .spec.image "arg" }}')[0]?.code, 'ORK109');
  const [inRange] = errors('{{ range .spec.regions }}{{ .x }}{{ end }}');
  assert.equal(inRange?.code, 'ORK111');
});

test('contexts add top-level keys; result types and used paths are reported', () => {
  const r = compileTemplate({ source: '{{ .item.name }}', origin: { file: 'k', line: 1, column: 1 }, schema: CRD, contexts: { item: { type: 'object', properties: { name: { type: 'string' } } } } });
  assert.ok(r.ok);
  assert.equal(r.type.kind, 'string');
  assert.deepEqual(r.usedPaths, ['.item.name']);
  const n = compileTemplate({ source: ' {{ .spec.replicas }} ', origin: { file: 'k', line: 1, column: 1 }, schema: CRD });
  assert.ok(n.ok);
  assert.equal(n.type.kind, 'integer');
  assert.deepEqual(n.usedPaths, ['.spec.replicas']);
});

test('a template that can never parse as the target field is refused (ORK112)', () => {
  const at = { file: 'k.yaml', line: 2, column: 15 };
  const list = compileTemplate({ source: '{{ .spec.regions }}', origin: at, schema: CRD, expect: 'integer' });
  assert.equal(list.ok ? '' : list.diagnostics[0]?.code, 'ORK112');
  const text = compileTemplate({ source: '{{ .spec.replicas }}x', origin: at, schema: CRD, expect: 'integer' });
  assert.equal(text.ok ? '' : text.diagnostics[0]?.code, 'ORK112');
  assert.equal(compileTemplate({ source: '{{ .spec.replicas | default 2 }}', origin: at, schema: CRD, expect: 'integer' }).ok, true);
  assert.equal(compileTemplate({ source: '{{ .spec.image }}', origin: at, schema: CRD, expect: 'integer' }).ok, true, 'a string may hold digits: checked when parsed');
  assert.equal(compileTemplate({ source: '{{ eq .spec.image "x" }}', origin: at, schema: CRD, expect: 'boolean' }).ok, true);
});

test('calls lists functions and notes, so callers can find note cycles', () => {
  const r = compileTemplate({ source: '{{ if isProd }}{{ toLower (default "a" .spec.image) }}{{ end }}', origin: { file: 'k', line: 1, column: 1 }, notes: new Map([['isProd', 'note_isProd']]) });
  assert.ok(r.ok);
  assert.deepEqual(r.calls, ['default', 'isProd', 'toLower']);
  assert.throws(() => compileTemplate({ source: '{{ x }}', origin: { file: 'k', line: 1, column: 1 }, notes: new Map([['x', 'data']]) }), /plain identifier/);
  assert.throws(() => compileTemplate({ source: '{{ x }}', origin: { file: 'k', line: 1, column: 1 }, notes: new Map([['x', 'a.b()']]) }), /plain identifier/);
});

test('positions map through single-quoted and multi-line plain scalars', () => {
  const sq = compileTemplate({ source: "it's {{ .nope }}", origin: { file: 'k.yaml', line: 5, column: 9, style: 'single-quoted', raw: "it''s {{ .nope }}" } });
  assert.deepEqual(sq.ok ? undefined : sq.diagnostics[0]?.position, { file: 'k.yaml', line: 5, column: 9 + "it''s {{ ".length });
  // A plain scalar folded over two lines: "a {{ .x }}\n      {{ .nope }}" is read as "a {{ .x }} {{ .nope }}".
  const plain = compileTemplate({
    source: 'a {{ .spec.x }} {{ .nope }}',
    origin: { file: 'k.yaml', line: 8, column: 12, style: 'plain', raw: 'a {{ .spec.x }}\n      {{ .nope }}' },
  });
  assert.deepEqual(plain.ok ? undefined : plain.diagnostics[0]?.position, { file: 'k.yaml', line: 9, column: 10 });
});

test('docs/templates.md lists exactly the function table', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { functionTableMarkdown } = await import('../../../compiler/template/docs-table.ts');
  const doc = readFileSync(join(import.meta.dirname, '../../../docs/templates.md'), 'utf8');
  const m = /<!-- functions:start -->\n([\s\S]*?)\n<!-- functions:end -->/.exec(doc);
  assert.ok(m, 'markers present');
  assert.equal(m[1], functionTableMarkdown(), 'regenerate the table in docs/templates.md from compiler/template/docs-table.ts');
});
