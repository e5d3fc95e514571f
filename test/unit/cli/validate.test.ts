import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runOrk } from '../../helpers/run-ork.ts';

test('renders an error with position, source line, caret, path and hint', async () => {
  const r = await runOrk(['validate', 'examples/invalid/ork014-unknown-dependency.yaml']);
  assert.equal(r.code, 1);
  assert.equal(
    r.stderr.split('\n\n')[0],
    [
      'examples/invalid/ork014-unknown-dependency.yaml:11:9: error[ORK014]: CRD `api` depends on `databse`, which is not a CRD of this Katalog',
      '   |',
      '11 |         databse: healthy',
      '   |         ^',
      '  = at: spec.crds.api.dependsOn.databse',
      '  = hint: did you mean `database`?',
    ].join('\n'),
  );
  assert.match(r.stderr, /invalid \(1 error\)/);
  assert.equal(r.stdout, '');
});

test('defaults to katalog.yaml in the working directory, and accepts -f', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-validate-'));
  copyFileSync('examples/web-app/katalog.yaml', path.join(dir, 'katalog.yaml'));
  copyFileSync('examples/web-app/crd.yaml', path.join(dir, 'crd.yaml'));
  copyFileSync('examples/web-app/cr.yaml', path.join(dir, 'cr.yaml'));
  const byDefault = await runOrk(['validate'], { cwd: dir });
  assert.equal(byDefault.code, 0, byDefault.stderr);
  assert.match(byDefault.stdout, /^katalog\.yaml: valid/);
  const byFlag = await runOrk(['validate', '-f', 'katalog.yaml'], { cwd: dir });
  assert.equal(byFlag.code, 0, byFlag.stderr);
});

test('a missing Katalog is exit 1 with a positioned ORK001 and no stack trace', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-validate-'));
  const r = await runOrk(['validate'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error\[ORK001\]: Katalog `katalog.yaml` does not exist/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('usage errors exit 2', async () => {
  assert.equal((await runOrk(['validate', '--output', 'xml', 'examples/web-app/katalog.yaml'])).code, 2);
  assert.equal((await runOrk(['validate', 'a.yaml', '-f', 'b.yaml'])).code, 2);
  assert.equal((await runOrk(['validate', '--no-such-flag'])).code, 2);
});

test('--output json reports validity, the checks that ran and positioned diagnostics', async () => {
  const r = await runOrk(['validate', 'examples/invalid/ork013-duplicate-gvk.yaml', '--output', 'json']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as { valid: boolean; checks: string[]; diagnostics: Array<{ code: string; line: number; column: number; file: string }> };
  assert.equal(out.valid, false);
  assert.equal(out.checks.at(-1), 'ORK013');
  assert.deepEqual(out.diagnostics.map((d) => [d.code, d.line, d.column]), [['ORK013', 10, 5]]);
});

test('--full prints the RBAC the Katalog implies', async () => {
  const r = await runOrk(['validate', 'examples/web-app/katalog.yaml', '--full']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /ClusterRole/);
  assert.match(r.stdout, /apps\s+deployments\s+create,delete,list,patch,watch\s+spec\.crds\.webapp\.operatorBox\.onReconcile\.deployments\.0/);
  assert.match(r.stdout, /demo\.ork\.dev\s+webapps\/status\s+patch/);
  assert.match(r.stdout, /leases \(web-app-leader\)\s+get,update/);
});

test('a YAML syntax error is reported at its line, not as a crash', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-validate-'));
  const f = path.join(dir, 'k.yaml');
  writeFileSync(f, 'apiVersion: orkestra.orkspace.io/v1\nkind: Katalog\nmetadata:\n  name: x\n spec: [\n');
  const r = await runOrk(['validate', f]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /k\.yaml:5:\d+: error\[ORK002\]/);
});
