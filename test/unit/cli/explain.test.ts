/** `ork explain` through the real launcher: text, JSON, YAML, Mermaid, and its errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { runOrk } from '../../helpers/run-ork.ts';
import type { Explanation } from '../../../compiler/explain/explain-model.ts';

test('platform as text: CRDs with children, start order, dependencies, Mermaid, RBAC, endpoints, lease', async () => {
  const r = await runOrk(['explain', 'examples/platform/katalog.yaml']);
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout;
  assert.match(out, /^Katalog platform 0\.1\.0 \(examples\/platform\/katalog\.yaml\)/);
  assert.match(out, /CRD database: Database platform\.ork\.dev\/v1alpha1 \(databases\), Namespaced/);
  assert.match(out, /workers 2, resync 30s; finalizers: orkestra\.orkspace\.io\/cleanup/);
  assert.match(out, / {4}create Secret \{\{ \.metadata\.name \}\}-credentials {2}\(spec\.crds\.database\.operatorBox\.onCreate\.secrets\.0\)/);
  assert.match(out, /Start order \(dependencies first; stopped in reverse\):\n {2}1\. cache, database\n {2}2\. app/);
  assert.match(out, /app waits for database to be healthy\n {2}app waits for cache to be started/);
  assert.match(out, /```mermaid\nflowchart LR\n[\s\S]* {2}crd_database ==>\|healthy\| crd_app\n {2}crd_cache ==>\|started\| crd_app\n```/);
  assert.match(out, /platform\.ork\.dev +apps\/status +patch/);
  assert.match(out, /HTTP \(port 8080; ORK_PORT or --port\):/);
  assert.match(out, /GET \/katalog\/app, \/katalog\/app\/health, \/katalog\/app\/cr, \/katalog\/app\/cr\/\{namespace\}\/\{name\}/);
  assert.match(out, /Leader election: Lease platform-leader in platform-system/);
});

test('tenant-cleanup as JSON: ordered deletion stages, child modes, RBAC identical to ork validate --full', async () => {
  const [ex, val] = await Promise.all([
    runOrk(['explain', '-f', 'examples/tenant-cleanup/katalog.yaml', '--output', 'json']),
    runOrk(['validate', 'examples/tenant-cleanup/katalog.yaml', '--full', '--output', 'json']),
  ]);
  assert.equal(ex.code, 0, ex.stderr);
  const e = JSON.parse(ex.stdout) as Explanation;
  const tenant = e.crds[0]!;
  assert.deepEqual(tenant.deletionStages.map((s) => s.name), ['workload', 'network', 'configuration']);
  assert.deepEqual(tenant.deletionStages.map((s) => s.children), [['Deployment {{ .metadata.name }}-worker'], ['Service {{ .metadata.name }}-worker'], ['ConfigMap {{ .metadata.name }}-settings']]);
  assert.deepEqual(tenant.children.map((c) => `${c.mode} ${c.kind}`), ['apply ConfigMap', 'apply Deployment', 'apply Service', 'delete Deployment', 'delete Service', 'delete ConfigMap']);
  assert.deepEqual(tenant.finalizers, ['orkestra.orkspace.io/cleanup', 'tenants.ork.dev/cleanup', 'tenants.ork.dev/audit']);
  assert.equal(tenant.scope, 'Namespaced');
  assert.deepEqual(e.leaderElection, { lease: 'tenants-leader', namespace: 'tenants-system' });
  assert.deepEqual(e.rbac, (JSON.parse(val.stdout) as { rbac: unknown }).rbac);
  assert.doesNotMatch(e.mermaid, /-->\|delete\|/, 'deletion stages are not drawn as children');
});

test('notifications as YAML: the Gateway, the teams and every notify trigger with its field', async () => {
  const r = await runOrk(['explain', 'examples/notifications/katalog.yaml', '-o', 'yaml']);
  assert.equal(r.code, 0, r.stderr);
  const e = parse(r.stdout) as Explanation;
  assert.equal(e.notifications.gateway, 'http://orkestra-gateway.orkestra-system.svc:8443');
  assert.deepEqual(e.notifications.teams, ['oncall', 'platform']);
  assert.deepEqual(e.notifications.triggers.map((t) => [t.field, t.teams]), [['spec.maxBacklog', ['oncall', 'platform']], ['metadata.namespace', ['oncall']]]);
});

test('--mermaid prints only the fenced graph; errors: invalid Katalog exit 1, bad --output exit 2', async () => {
  const [m, bad, usage] = await Promise.all([
    runOrk(['explain', 'examples/web-app/katalog.yaml', '--mermaid']),
    runOrk(['explain', 'examples/invalid/ork014-dependency-cycle.yaml']),
    runOrk(['explain', 'examples/web-app/katalog.yaml', '--output', 'xml']),
  ]);
  assert.equal(m.code, 0, m.stderr);
  assert.equal(
    m.stdout,
    '```mermaid\nflowchart LR\n  crd_webapp["webapp: WebApp.demo.ork.dev/v1"]\n  crd_webapp_0("Deployment {{ .metadata.name }}")\n  crd_webapp -->|apply| crd_webapp_0\n  crd_webapp_1("Service {{ .metadata.name }}")\n  crd_webapp -->|apply| crd_webapp_1\n```\n',
  );
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /error\[ORK014\][\s\S]*ork: examples\/invalid\/ork014-dependency-cycle\.yaml is invalid; nothing to explain\nhint: run `ork validate/);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /argument 'xml' is invalid/);
});
