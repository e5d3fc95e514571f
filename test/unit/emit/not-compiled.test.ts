/**
 * ORK046 for child keys the operator does not act on (runtime-kit/children/runtime-io.ts): a
 * Katalog that uses one gets a positioned warning naming the key and what it would do, so nobody
 * believes the key works; `once` under onCreate is honoured (created when absent, never updated)
 * and gets none.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '../../../compiler/generate.ts';

const EXAMPLE = 'examples/app-config';

/** Generates the app-config example with its Katalog text passed through `edit`. */
function generateEdited(edit: (text: string) => string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-not-compiled-'));
  for (const f of ['crd.yaml', 'cr.yaml']) copyFileSync(path.join(EXAMPLE, f), path.join(dir, f));
  const original = readFileSync(path.join(EXAMPLE, 'katalog.yaml'), 'utf8');
  const text = edit(original);
  assert.notEqual(text, original, 'the edit applies');
  writeFileSync(path.join(dir, 'katalog.yaml'), text);
  const g = generate(path.join(dir, 'katalog.yaml'), path.join(dir, 'out'));
  return { g, lines: text.split('\n') };
}

const ONCE_SECRET = '        onCreate:\n          secrets:\n            - name: "{{ .metadata.name }}-token"\n              once: true\n';

test('once under onCreate is honoured: no warning', () => {
  const { g } = generateEdited((t) => t.replace('once: true', 'once: true '));
  assert.ok(g.files, JSON.stringify(g.diagnostics));
  assert.deepEqual(g.diagnostics.filter((d) => d.code === 'ORK046'), []);
});

test('once under onReconcile and toNamespaces are named, positioned on the key', () => {
  const { g, lines } = generateEdited((t) =>
    t.replace(ONCE_SECRET, '        onReconcile:\n          secrets:\n            - name: "{{ .metadata.name }}-token"\n              once: true\n              toNamespaces: [shared]\n').replace('        onReconcile:\n          configMaps:', '          configMaps:'),
  );
  assert.ok(g.files, JSON.stringify(g.diagnostics));
  const warnings = g.diagnostics.filter((d) => d.code === 'ORK046');
  assert.deepEqual(warnings.map((w) => w.severity), ['warning', 'warning']);
  const [once, fanOut] = warnings;
  assert.match(once!.message, /^`once` of secrets \(creates the Secret only when absent/);
  assert.match(fanOut!.message, /^`toNamespaces` of secrets \(writes a copy into each listed namespace/);
  assert.match(lines[once!.position!.line - 1] ?? '', /^\s+once: true$/);
  assert.match(lines[fanOut!.position!.line - 1] ?? '', /^\s+toNamespaces: \[shared\]$/);
});

test('per-CRD endpoints switches are named as not applied', () => {
  const { g, lines } = generateEdited((t) => t.replace('      operatorBox:\n', '      endpoints:\n        info: false\n      operatorBox:\n'));
  assert.ok(g.files, JSON.stringify(g.diagnostics));
  const [w, ...rest] = g.diagnostics.filter((d) => d.code === 'ORK046');
  assert.deepEqual(rest, []);
  assert.match(w!.message, /^per-CRD HTTP endpoint switches/);
  assert.match(lines[w!.position!.line - 1] ?? '', /^\s+endpoints:$/);
});
