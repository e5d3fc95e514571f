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

test('ork template --cr renders the children the operator would apply, with the runtime\'s number semantics', async () => {
  const r = await runOrk(['template', 'examples/app-config/katalog.yaml', '--cr', 'examples/app-config/cr.yaml', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { children: Array<{ kind: string; metadata: { name: string; annotations: Record<string, string> }; data?: Record<string, string>; stringData?: Record<string, string> }> };
  const names = out.children.map((c) => `${c.kind}/${c.metadata.name}`);
  assert.deepEqual(names, ['Secret/shop-token', 'ConfigMap/shop-dev', 'ConfigMap/shop-staging', 'ConfigMap/shop-prod', 'ConfigMap/shop-production']);
  const prod = out.children.find((c) => c.metadata.name === 'shop-production')!;
  assert.deepEqual(prod.data, { production: 'true', replicas: '5' });
  assert.equal(out.children.find((c) => c.metadata.name === 'shop-staging')!.data?.['position'], '1');
  assert.equal(prod.metadata.annotations['ork.dev/declared-by'], 'spec.crds.appconfig.operatorBox.onReconcile.configMaps.1');
});

test('ork template --cr with a CR of no CRD of the Katalog is exit 1 with the CRDs listed', async () => {
  const r = await runOrk(['template', 'examples/app-config/katalog.yaml', '--cr', 'examples/web-app/cr.yaml']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no CRD of the Katalog serves demo\.ork\.dev\/v1 WebApp/);
});
