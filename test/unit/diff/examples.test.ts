/**
 * `ork diff` on the Katalog pairs of examples/diff/: the grouped report (in process, the data
 * `--output json` prints), then through the real command line (bin/ork) the JSON, the text
 * output and the exit codes with `--fail-on`, usage errors and invalid input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { runOrk } from '../../helpers/run-ork.ts';
import { loadSide, type LoadedSide } from '../../../compiler/diff/load-side.ts';
import { compareSnapshots } from '../../../compiler/diff/compare.ts';
import { formatDiffText } from '../../../compiler/diff/format-text.ts';

const BASE = 'examples/diff/katalog.yaml';

/** Runs `ork diff args…`. */
function ork(...args: string[]): ReturnType<typeof runOrk> {
  return runOrk(['diff', ...args]);
}

/** The report, in process (what `--output json` prints, without the --fail-on fields). */
function report(a: string, b: string): Record<string, any> {
  const sa = loadSide(a);
  const sb = loadSide(b);
  assert.ok(!('error' in sa) && !('error' in sb), JSON.stringify([sa, sb].filter((x) => 'error' in x)));
  return JSON.parse(JSON.stringify(compareSnapshots(sa as LoadedSide, sb as LoadedSide)));
}

test('add-child: a new child kind is an escalation (new RBAC rule), a reconciler change, not breaking', () => {
  const r = report(BASE, 'examples/diff/add-child.yaml');
  assert.deepEqual(r['summary'], { breaking: 0, escalations: 1, reductions: 0, changed: true });
  assert.deepEqual(r['crds'], []);
  assert.deepEqual(r['rbac'], [
    { roleKind: 'ClusterRole', roles: ['widgets-operator'], apiGroup: '', resource: 'services', resourceNames: [], change: 'added', addedVerbs: ['create', 'delete', 'list', 'patch', 'watch'], removedVerbs: [], escalation: true },
  ]);
  assert.deepEqual(r['children'], [{ crd: 'widget', added: ['v1 Service'], removed: [] }]);
  assert.deepEqual(r['reconcilers'].map((x: { crd: string; change: string }) => [x.crd, x.change]), [['widget', 'changed']]);
  assert.match(r['reconcilers'][0].diff, /^\+\s+const object = build\.services\(\{$/m);
  assert.deepEqual(r['dependencies'], { added: [], removed: [], changed: [] });
});

test('remove-field: a removed CRD field is breaking, nothing else changes', () => {
  const r = report(BASE, 'examples/diff/remove-field.yaml');
  assert.deepEqual(r['summary'], { breaking: 1, escalations: 0, reductions: 0, changed: true });
  assert.deepEqual(r['crds'], [
    {
      name: 'widgets.diff.ork.dev',
      kind: 'Widget',
      change: 'changed',
      breaking: true,
      notes: [],
      versions: [{ version: 'v1', change: 'changed', breaking: true, notes: [], fields: [{ path: 'spec.legacyMode', change: 'field-removed', breaking: true, detail: 'field removed (was boolean)' }] }],
    },
  ]);
  assert.deepEqual([r['rbac'], r['reconcilers'], r['children']], [[], [], []]);
});

test('template-only: the reconciler changed, no breaking change, no escalation', () => {
  const r = report(BASE, 'examples/diff/template-only.yaml');
  assert.deepEqual(r['summary'], { breaking: 0, escalations: 0, reductions: 0, changed: true });
  assert.deepEqual([r['crds'], r['rbac'], r['children']], [[], [], []]);
  assert.deepEqual(r['reconcilers'].map((x: { crd: string; change: string }) => [x.crd, x.change]), [['widget', 'changed']]);
  assert.match(r['reconcilers'][0].diff, /^-.*"small"/m);
  assert.match(r['reconcilers'][0].diff, /^\+.*"medium"/m);
});

test('a Katalog and its generated project compare equal (either side may be a folder)', () => {
  const r = report(BASE, 'generated/diff');
  assert.equal(r['summary'].changed, false, JSON.stringify(r, null, 2));
  assert.deepEqual(r['b'], { path: 'generated/diff', kind: 'project' });
  const folder = report('examples/diff', 'examples/diff/add-child.yaml');
  assert.equal(folder['a'].path, path.join('examples/diff', 'katalog.yaml'));
  assert.equal(folder['summary'].escalations, 1);
  const notProject = loadSide('test/unit');
  assert.ok('error' in notProject && /neither a generated project/.test(notProject.error));
});

test('--fail-on exit codes through the command line, and the grouped JSON', async () => {
  const esc = await ork(BASE, 'examples/diff/add-child.yaml', '--fail-on', 'breaking', '--output', 'json');
  assert.equal(esc.code, 0, 'an escalation does not trip --fail-on breaking');
  assert.equal(esc.stderr, '');
  assert.deepEqual(JSON.parse(esc.stdout), { ...report(BASE, 'examples/diff/add-child.yaml'), failOn: ['breaking'], failed: [] });
  assert.equal((await ork(BASE, 'examples/diff/remove-field.yaml', '--fail-on', 'escalation,breaking', '--output', 'json')).code, 1);
  assert.equal((await ork(BASE, 'examples/diff/template-only.yaml', '--fail-on', 'breaking,escalation')).code, 0);
});

test('text output: grouped sections, labels, summary; no colour without a TTY; exit 1 on --fail-on escalation', async () => {
  const r = await ork(BASE, 'examples/diff/add-child.yaml', '--fail-on', 'escalation');
  assert.equal(r.code, 1);
  for (const s of ['CRD schemas', 'RBAC', 'Reconcilers', 'Children', 'Dependencies']) assert.match(r.stdout, new RegExp(`^${s}$`, 'm'));
  assert.match(r.stdout, /^ {4}\+ core\/services: \+create \+delete \+list \+patch \+watch {2}ESCALATION \(new rule\)$/m);
  assert.match(r.stdout, /^ {4}\+ v1 Service$/m);
  assert.match(r.stdout, /^Summary: 0 breaking changes, 1 escalation, 0 reductions; reconcilers: 1 changed$/m);
  assert.doesNotMatch(r.stdout, /\x1b\[/);
  assert.match(r.stderr, /failing on escalation changes/);
});

test('text of a breaking change and of no change (in process)', () => {
  const removed = formatDiffText(compareSnapshots(loadSide(BASE) as LoadedSide, loadSide('examples/diff/remove-field.yaml') as LoadedSide), { color: false });
  assert.match(removed, /- spec\.legacyMode: field removed \(was boolean\) {2}BREAKING$/m);
  const same = formatDiffText(compareSnapshots(loadSide(BASE) as LoadedSide, loadSide(BASE) as LoadedSide), { color: false });
  assert.equal(same.trim().split('\n').pop(), 'Summary: no differences');
});

test('usage errors exit 2: unknown or empty --fail-on, missing argument', async () => {
  for (const args of [[BASE, BASE, '--fail-on', 'breaking,bogus'], [BASE, BASE, '--fail-on', ''], [BASE]]) {
    const r = await ork(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    if (args[3] === 'breaking,bogus') assert.match(r.stderr, /unknown `bogus`/);
  }
});

test('invalid input exits 1 with the diagnostics, never a stack trace', async () => {
  const invalid = 'examples/invalid/ork004-unknown-key.yaml';
  const r = await ork(BASE, invalid);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error\[ORK004\]/);
  assert.match(r.stderr, /is invalid/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  const j = await ork(invalid, BASE, '--output', 'json');
  assert.equal(j.code, 1);
  const out = JSON.parse(j.stdout);
  assert.equal(out.valid, false);
  assert.equal(out.errors[0].side, invalid);
  assert.ok(out.errors[0].diagnostics.some((d: { code: string }) => d.code === 'ORK004'));
  const missing = await ork(BASE, 'examples/diff/no-such.yaml');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no such file or folder/);
});
