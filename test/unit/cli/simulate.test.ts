/**
 * `ork simulate` through the real launcher (bin/ork): the generated operator's harness and
 * reconciler run against the in-memory cluster; the ops, children, status, orders and RBAC it
 * reports, its output formats and its errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { runOrk } from '../../helpers/run-ork.ts';
import type { SimulationReport } from '../../../compiler/simulate/run-simulation.ts';

const SITE = 'test/unit/simulate/fixtures/site/katalog.yaml';
const ops = (r: SimulationReport, phase: 'reconcile' | 'deletion', cycle: number): string[] =>
  (r[phase].cycles.find((c) => c.cycle === cycle)?.ops ?? []).map((o) => `${o.op} ${o.kind}/${o.name}${o.detail ? ` (${o.detail})` : ''}`);

/** A CR file in a fresh temporary folder. */
function crFile(t: { after(fn: () => void): void }, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-sim-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'cr.yaml');
  writeFileSync(file, text);
  return file;
}

test('web-app as text (its crFiles CR): cycle ops, steady state, children YAML, status, creation and deletion order, RBAC', async () => {
  const r = await runOrk(['simulate', 'examples/web-app/katalog.yaml']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, 'ork: simulating examples/web-app/cr.yaml (crFiles of CRD `webapp`)\n');
  const out = r.stdout;
  assert.match(
    out,
    /Cycle 1:\n {2}~ updated WebApp default\/hello \(finalizers\)\n {2}\+ created Deployment default\/hello\n {2}\+ created Service default\/hello\n {2}~ updated WebApp default\/hello \(status\)\n {2}· Deployment default\/hello rolled out: Available, 2\/2 ready \(simulated\)\nCycle 2:\n {2}\(no changes\)\n✓ Steady state at cycle 2 in \d+m?s/,
  );
  assert.match(out, /kind: Deployment\nmetadata:\n {2}name: hello\n {2}namespace: default/);
  assert.match(out, /image: nginx:1\.27/);
  assert.match(out, /value: hi there/);
  assert.match(out, /Status the operator writes:\n {2}url: http:\/\/hello\.default\.svc/);
  assert.match(out, /Order of creation:\n {2}1\. Deployment default\/hello\n {2}2\. Service default\/hello/);
  assert.match(out, /Order of deletion:\n {2}1\. WebApp default\/hello \(finalizers released\)\n {2}2\. Deployment default\/hello \(garbage collected\)\n {2}3\. Service default\/hello \(garbage collected\)/);
  assert.match(out, /apps, deployments: list, patch, watch/);
  assert.match(out, /✓ every verb used is granted/);
  assert.doesNotMatch(out, /resourceVersion|creationTimestamp/, 'server-set fields are not shown');
});

test('tenant-cleanup as JSON: ordered deletion stage by stage, children identical to `ork template --cr`', async () => {
  const [sim, tpl] = await Promise.all([
    runOrk(['simulate', '-f', 'examples/tenant-cleanup/katalog.yaml', '--cr', 'examples/tenant-cleanup/cr.yaml', '--output', 'json']),
    runOrk(['template', 'examples/tenant-cleanup/katalog.yaml', '--cr', 'examples/tenant-cleanup/cr.yaml', '--json']),
  ]);
  assert.equal(sim.code, 0, sim.stderr);
  assert.equal(tpl.code, 0, tpl.stderr);
  const r = JSON.parse(sim.stdout) as SimulationReport;
  assert.equal(r.reconcile.settledAt, 2);
  assert.deepEqual(r.creationOrder, ['ConfigMap default/acme-settings', 'Deployment default/acme-worker', 'Service default/acme-worker']);
  assert.deepEqual(r.deletionOrder, [
    'Deployment default/acme-worker (deletion stage)',
    'Service default/acme-worker (deletion stage)',
    'ConfigMap default/acme-settings (deletion stage)',
    'Tenant default/acme (finalizers released)',
  ]);
  assert.deepEqual(r.deletion.cycles.map((c) => [c.outcome, c.requeueAfterMs ?? null]), [['requeue', 2000], ['requeue', 2000], ['requeue', 2000], ['done', null]]);
  assert.deepEqual([...r.finalizers].sort(), ['orkestra.orkspace.io/cleanup', 'tenants.ork.dev/audit', 'tenants.ork.dev/cleanup']);
  assert.deepEqual(r.rbac.missing, []);
  assert.ok(r.rbac.used.some((u) => u.resource === 'tenants/status' && u.verb === 'patch'));
  // The same generated reconciler: what simulate stored is what the preview renders (uids and server fields aside).
  const comparable = (o: Record<string, any>): unknown => {
    const { uid: _u, resourceVersion: _rv, creationTimestamp: _c, generation: _g, ownerReferences, ...meta } = o['metadata'];
    const { status: _s, ...rest } = o;
    return { ...rest, metadata: { ...meta, ownerReferences: ownerReferences.map(({ uid: _x, ...ref }: Record<string, unknown>) => ref) } };
  };
  const preview = (JSON.parse(tpl.stdout) as { children: Array<Record<string, any>> }).children;
  assert.deepEqual(r.children.map((c) => comparable(c as Record<string, any>)), preview.map((c) => comparable({ ...c, metadata: { ...c['metadata'], namespace: c['metadata']['namespace'] ?? 'default' } })));
});

test('a status read from a child settles one cycle after the Deployment rolls out (YAML output)', async () => {
  const r = await runOrk(['simulate', SITE, '--cr', 'test/unit/simulate/fixtures/site/cr.yaml', '-o', 'yaml']);
  assert.equal(r.code, 0, r.stderr);
  const rep = parse(r.stdout) as SimulationReport;
  assert.deepEqual(ops(rep, 'reconcile', 1), ['updated Site/blog (finalizers)', 'created ConfigMap/blog-extra', 'created Deployment/blog', 'updated Site/blog (status)']);
  assert.deepEqual(rep.reconcile.cycles[0]?.world, ['Deployment web/blog rolled out: Available, 3/3 ready']);
  assert.deepEqual(ops(rep, 'reconcile', 2), ['updated Site/blog (status)']);
  assert.deepEqual(ops(rep, 'reconcile', 3), []);
  assert.equal(rep.reconcile.settledAt, 3);
  assert.equal((rep.status as { readyReplicas: number }).readyReplicas, 3);
  assert.equal(rep.cr.namespace, 'web');
});

test('a stream of CRs: --crd picks the first of its kind, else the first document', async () => {
  const [app, first] = await Promise.all([
    runOrk(['simulate', 'examples/platform/katalog.yaml', '--cr', 'examples/platform/cr.yaml', '--crd', 'app', '-o', 'json']),
    runOrk(['simulate', 'examples/platform/katalog.yaml', '--cr', 'examples/platform/cr.yaml', '-o', 'json']),
  ]);
  assert.equal(app.code, 0, app.stderr);
  assert.equal(first.code, 0, first.stderr);
  assert.deepEqual((JSON.parse(app.stdout) as SimulationReport).cr, { apiVersion: 'platform.ork.dev/v1alpha1', kind: 'App', name: 'shop', namespace: 'default' });
  const db = JSON.parse(first.stdout) as SimulationReport;
  assert.equal(db.crd, 'database');
  assert.deepEqual(db.creationOrder, ['Secret default/orders-credentials', 'Deployment default/orders-db', 'Service default/orders-db']);
  assert.ok(db.rbac.used.some((u) => u.resource === 'secrets' && u.verb === 'create'), 'onCreate children are created, not applied');
});

test('a gate that is off: the gated child is never created', async (t) => {
  const cr = crFile(t, 'apiVersion: sim.ork.dev/v1\nkind: Site\nmetadata:\n  name: plain\nspec:\n  image: nginx:1.27\n  extra: false\n  owner:\n    team: ops\n');
  const r = await runOrk(['simulate', SITE, '--cr', cr, '--output', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const rep = JSON.parse(r.stdout) as SimulationReport;
  assert.deepEqual(rep.creationOrder, ['Deployment default/plain'], 'a CR without a namespace lands in default');
  assert.deepEqual(rep.children.map((c) => c.kind), ['Deployment']);
});

test('a template that cannot render: Degraded status, the error in every cycle, exit 1', async (t) => {
  const cr = crFile(t, 'apiVersion: sim.ork.dev/v1\nkind: Site\nmetadata:\n  name: broken\n  namespace: web\nspec:\n  image: nginx:1.27\n  extra: true\n');
  const [json, text] = await Promise.all([runOrk(['simulate', SITE, '--cr', cr, '--output', 'json']), runOrk(['simulate', SITE, '--cr', cr])]);
  assert.equal(json.code, 1, json.stderr);
  const rep = JSON.parse(json.stdout) as SimulationReport;
  assert.match(rep.reconcile.cycles.at(-1)?.error ?? '', /katalog\.yaml:\d+:\d+: executing template at <\.spec\.owner\.team>: nil pointer evaluating/);
  assert.deepEqual(rep.creationOrder, []);
  const conditions = (rep.status as { conditions: Array<{ type: string; status: string; reason: string }> }).conditions.map((c) => [c.type, c.status, c.reason]);
  assert.deepEqual(conditions, [['Ready', 'False', 'TemplateError'], ['Degraded', 'True', 'TemplateError']]);
  assert.equal(text.code, 1);
  assert.match(text.stdout, /! reconcile error: .*nil pointer evaluating/);
  assert.match(text.stdout, /✗ The reconcile keeps failing \(the CR is Degraded\)/);
  assert.doesNotMatch(text.stdout, /✓ Steady state/);
});

test('no steady state within --cycles (an explicit --crd): reported, exit 1', async () => {
  const r = await runOrk(['simulate', 'examples/web-app/katalog.yaml', '--cr', 'examples/web-app/cr.yaml', '--crd', 'webapp', '--cycles', '1']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /Cycle 1:\n {2}~ updated WebApp default\/hello \(finalizers\)/);
  assert.match(r.stdout, /✗ No steady state within 1 cycles/);
});

test('a status that rewrites itself forever: identical cycles collapsed, never steady, exit 1', async () => {
  const r = await runOrk(['simulate', 'test/unit/simulate/fixtures/loop/katalog.yaml', '--cr', 'test/unit/simulate/fixtures/site/cr.yaml']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /\nCycles 2–10 \(identical\):\n {2}~ updated Site web\/blog \(status\)\n✗ No steady state within 10 cycles \(\d+m?s\): the operator keeps writing\n/);
});

test('usage errors are exit 2 with a hint; an invalid Katalog is exit 1', async () => {
  const cases: Array<{ args: string[]; code: number; stderr: RegExp }> = [
    { args: ['simulate', SITE], code: 2, stderr: /ork: no CR to simulate\nhint: pass --cr <file>, or list a sample CR under crFiles of a CRD in test\/unit\/simulate\/fixtures\/site\/katalog\.yaml/ },
    { args: ['simulate', 'examples/web-app/katalog.yaml', '--cr', 'no/such/cr.yaml'], code: 2, stderr: /ork: cannot read no\/such\/cr\.yaml\nhint: / },
    { args: ['simulate', 'examples/web-app/katalog.yaml', '--cr', 'examples/web-app/katalog.yaml'], code: 2, stderr: /no CRD of the Katalog serves orkestra\.orkspace\.io\/v1 Katalog\nhint: CRDs: webapp \(WebApp\)/ },
    { args: ['simulate', 'examples/platform/katalog.yaml', '--cr', 'examples/web-app/cr.yaml', '--crd', 'ap'], code: 2, stderr: /no enabled CRD `ap`\nhint: did you mean `app`\?/ },
    { args: ['simulate', 'examples/platform/katalog.yaml', '--cr', 'examples/web-app/cr.yaml', '--crd', 'app'], code: 2, stderr: /is a demo\.ork\.dev\/v1 WebApp, but CRD `app` serves .* App\nhint: / },
    { args: ['simulate', 'examples/web-app/katalog.yaml', '--cr', 'examples/web-app/cr.yaml', '--cycles', '0'], code: 2, stderr: /--cycles "0" is not a cycle count/ },
    { args: ['simulate', 'examples/web-app/katalog.yaml', '--cr', 'examples/web-app/cr.yaml', '--output', 'xml'], code: 2, stderr: /argument 'xml' is invalid/ },
    { args: ['simulate', 'examples/invalid/ork004-unknown-key.yaml', '--cr', 'examples/web-app/cr.yaml'], code: 1, stderr: /error\[ORK004\][\s\S]*is invalid; nothing to simulate/ },
  ];
  const results = await Promise.all(cases.map((c) => runOrk(c.args)));
  results.forEach((r, i) => {
    const c = cases[i]!;
    assert.equal(r.code, c.code, `${c.args.join(' ')}\n${r.stderr}`);
    assert.match(r.stderr, c.stderr, c.args.join(' '));
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });
});
