/**
 * `ork diff` on the Katalog pairs of examples/diff/ through the command line: the grouped
 * JSON, the text output and the exit codes with `--fail-on`. The command runs through
 * diff-entry.ts (only `diff` registered, errors mapped as in main.ts); the last test runs the
 * real bin/ork and is skipped until compiler/cli/main.ts registers `registerDiff`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, runOrk } from '../../helpers/run-ork.ts';

const ENTRY = path.join(REPO_ROOT, 'test', 'unit', 'diff', 'diff-entry.ts');
const BASE = 'examples/diff/katalog.yaml';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function ork(...args: string[]): Run {
  const r = spawnSync(process.execPath, [ENTRY, 'diff', ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function json(...args: string[]): { code: number; report: Record<string, any> } {
  const r = ork(...args, '--output', 'json');
  assert.equal(r.stderr, '', r.stderr);
  return { code: r.code, report: JSON.parse(r.stdout) };
}

test('add-child: a new child kind is an escalation (new RBAC rule), a reconciler change, not breaking', () => {
  const { code, report } = json(BASE, 'examples/diff/add-child.yaml');
  assert.equal(code, 0, 'no --fail-on: exit 0');
  assert.deepEqual(report['summary'], { breaking: 0, escalations: 1, reductions: 0, changed: true });
  assert.deepEqual(report['crds'], []);
  assert.deepEqual(report['rbac'], [
    { roleKind: 'ClusterRole', roles: ['widgets-operator'], apiGroup: '', resource: 'services', resourceNames: [], change: 'added', addedVerbs: ['create', 'delete', 'get', 'list', 'patch', 'watch'], removedVerbs: [], escalation: true },
  ]);
  assert.deepEqual(report['children'], [{ crd: 'widget', added: ['v1 Service'], removed: [] }]);
  assert.deepEqual(report['reconcilers'].map((r: { crd: string; change: string }) => [r.crd, r.change]), [['widget', 'changed']]);
  assert.match(report['reconcilers'][0].diff, /^\+\s+const object = build\.services\(\{$/m);
  assert.deepEqual(report['dependencies'], { added: [], removed: [], changed: [] });
  assert.equal(json(BASE, 'examples/diff/add-child.yaml', '--fail-on', 'escalation').code, 1);
  assert.equal(json(BASE, 'examples/diff/add-child.yaml', '--fail-on', 'breaking').code, 0);
  assert.deepEqual(json(BASE, 'examples/diff/add-child.yaml', '--fail-on', 'breaking,escalation').report['failed'], ['escalation']);
});

test('remove-field: a removed CRD field is breaking, nothing else changes', () => {
  const { code, report } = json(BASE, 'examples/diff/remove-field.yaml');
  assert.equal(code, 0);
  assert.deepEqual(report['summary'], { breaking: 1, escalations: 0, reductions: 0, changed: true });
  assert.deepEqual(report['crds'], [
    {
      name: 'widgets.diff.ork.dev',
      kind: 'Widget',
      change: 'changed',
      breaking: true,
      notes: [],
      versions: [{ version: 'v1', change: 'changed', breaking: true, notes: [], fields: [{ path: 'spec.legacyMode', change: 'field-removed', breaking: true, detail: 'field removed (was boolean)' }] }],
    },
  ]);
  assert.deepEqual([report['rbac'], report['reconcilers'], report['children']], [[], [], []]);
  assert.equal(json(BASE, 'examples/diff/remove-field.yaml', '--fail-on', 'breaking').code, 1);
  assert.equal(json(BASE, 'examples/diff/remove-field.yaml', '--fail-on', 'escalation').code, 0);
  assert.equal(json(BASE, 'examples/diff/remove-field.yaml', '--fail-on', 'escalation,breaking').code, 1);
});

test('template-only: the reconciler changed, no breaking change, no escalation', () => {
  const { code, report } = json(BASE, 'examples/diff/template-only.yaml', '--fail-on', 'breaking,escalation');
  assert.equal(code, 0);
  assert.deepEqual(report['summary'], { breaking: 0, escalations: 0, reductions: 0, changed: true });
  assert.deepEqual([report['crds'], report['rbac'], report['children']], [[], [], []]);
  assert.deepEqual(report['reconcilers'].map((r: { crd: string; change: string }) => [r.crd, r.change]), [['widget', 'changed']]);
  assert.match(report['reconcilers'][0].diff, /^-.*"small"/m);
  assert.match(report['reconcilers'][0].diff, /^\+.*"medium"/m);
  assert.deepEqual(report['failed'], []);
});

test('a Katalog and its generated project compare equal (either side may be a folder)', () => {
  const { code, report } = json(BASE, 'generated/diff', '--fail-on', 'breaking,escalation');
  assert.equal(code, 0);
  assert.equal(report['summary'].changed, false);
  assert.deepEqual(report['b'], { path: 'generated/diff', kind: 'project' });
  const folder = json('examples/diff', 'examples/diff/add-child.yaml');
  assert.equal(folder.report['a'].path, path.join('examples/diff', 'katalog.yaml'));
  assert.equal(folder.report['summary'].escalations, 1);
});

test('text output: grouped sections, labels, summary; no colour without a TTY', () => {
  const r = ork(BASE, 'examples/diff/add-child.yaml', '--fail-on', 'escalation');
  assert.equal(r.code, 1);
  for (const s of ['CRD schemas', 'RBAC', 'Reconcilers', 'Children', 'Dependencies']) assert.match(r.stdout, new RegExp(`^${s}$`, 'm'));
  assert.match(r.stdout, /^ {4}\+ core\/services: \+create \+delete \+get \+list \+patch \+watch {2}ESCALATION \(new rule\)$/m);
  assert.match(r.stdout, /^ {4}\+ v1 Service$/m);
  assert.match(r.stdout, /^Summary: 0 breaking changes, 1 escalation, 0 reductions; reconcilers: 1 changed$/m);
  assert.doesNotMatch(r.stdout, /\x1b\[/);
  assert.match(r.stderr, /failing on escalation changes/);
  const removed = ork(BASE, 'examples/diff/remove-field.yaml');
  assert.match(removed.stdout, /- spec\.legacyMode: field removed \(was boolean\) {2}BREAKING$/m);
  assert.equal(ork(BASE, BASE).stdout.trim().split('\n').pop(), 'Summary: no differences');
});

test('usage errors exit 2: unknown or empty --fail-on, bad --context, missing argument', () => {
  for (const args of [['--fail-on', 'breaking,bogus'], ['--fail-on', ''], ['--context', 'x'], ['--output', 'yaml']]) {
    const r = ork(BASE, BASE, ...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
  assert.match(ork(BASE, BASE, '--fail-on', 'breaking,bogus').stderr, /unknown `bogus`/);
  assert.equal(ork(BASE).code, 2);
});

test('invalid input exits 1 with the diagnostics, never a stack trace', () => {
  const invalid = 'examples/invalid/ork004-unknown-key.yaml';
  const r = ork(BASE, invalid);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error\[ORK004\]/);
  assert.match(r.stderr, /is invalid/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  const j = ork(invalid, BASE, '--output', 'json');
  assert.equal(j.code, 1);
  const out = JSON.parse(j.stdout);
  assert.equal(out.valid, false);
  assert.equal(out.errors[0].side, invalid);
  assert.ok(out.errors[0].diagnostics.some((d: { code: string }) => d.code === 'ORK004'));
  const missing = ork(BASE, 'examples/diff/no-such.yaml');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /no such file or folder/);
  const notProject = ork(BASE, 'test/unit');
  assert.equal(notProject.code, 1);
  assert.match(notProject.stderr, /neither a generated project/);
});

// Runs the real CLI. Skipped until compiler/cli/main.ts registers `ork diff` (registerDiff).
const registered = readFileSync(path.join(REPO_ROOT, 'compiler', 'cli', 'main.ts'), 'utf8').includes('registerDiff(program)');
test('bin/ork diff: the registered command (needs registerDiff in main.ts)', { skip: registered ? false : 'ork diff is not registered in compiler/cli/main.ts yet' }, async () => {
  const esc = await runOrk(['diff', BASE, 'examples/diff/add-child.yaml', '--fail-on', 'breaking,escalation', '--output', 'json']);
  assert.equal(esc.code, 1, esc.stderr);
  assert.equal(JSON.parse(esc.stdout).summary.escalations, 1);
  assert.equal((await runOrk(['diff', BASE, 'examples/diff/template-only.yaml', '--fail-on', 'breaking,escalation'])).code, 0);
  assert.equal((await runOrk(['diff', BASE, BASE, '--fail-on', 'nope'])).code, 2);
});
