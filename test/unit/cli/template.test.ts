import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { runOrk } from '../../helpers/run-ork.ts';

test('ork template prints the expanded Katalog: apiTypes from crdFile, runtime defaults', async () => {
  const r = await runOrk(['template', 'examples/web-app/katalog.yaml']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.startsWith('---\n'));
  const doc = parse(r.stdout) as { spec: { crds: Record<string, { apiTypes: Record<string, string>; runtime: { workers: number; resync: string } }> } };
  assert.deepEqual(doc.spec.crds['webapp']?.apiTypes, { group: 'demo.ork.dev', version: 'v1', kind: 'WebApp', plural: 'webapps', apiPath: '/apis' });
  assert.equal(doc.spec.crds['webapp']?.runtime.workers, 3);
});

test('ork template --graph prints the start order', async () => {
  const r = await runOrk(['template', 'examples/platform/katalog.yaml', '--graph']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /1\. cache, database\n {2}2\. app/);
  assert.match(r.stdout, /database \[healthy\]/);
});

test('ork template --crd with --json prints one entry; an unknown CRD gets a suggestion', async () => {
  const ok = await runOrk(['template', '-f', 'examples/platform/katalog.yaml', '--crd', 'app', '--json']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual(Object.keys(JSON.parse(ok.stdout) as object), ['app']);
  const bad = await runOrk(['template', 'examples/platform/katalog.yaml', '--crd', 'ap']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /did you mean `app`\?/);
});
