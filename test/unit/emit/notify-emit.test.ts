/**
 * notify: blocks compiled into the reconciler: the generated function of the notifications
 * example, bundled and run, returns the notify blocks that held with their messages rendered;
 * message text is data (never code); `notification.enabled: false` compiles none; ORK046 warns
 * only about a notify: where the operator does not evaluate conditions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generate, RUNTIME_KIT_DIR } from '../../../compiler/generate.ts';
import { writeTree } from '../../../compiler/cli/write-tree.ts';
import type { NotifyingDesired } from '../../../runtime-kit/notify/fired.ts';
import type { ReconcileFn } from '../../../runtime-kit/reconcile/desired.ts';

const EXAMPLE = 'examples/notifications';

/** Generates `katalogText` (beside the example's crd.yaml) and returns the generation and its folder. */
function generateVariant(katalogText: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-notify-emit-'));
  copyFileSync(path.join(EXAMPLE, 'crd.yaml'), path.join(dir, 'crd.yaml'));
  writeFileSync(path.join(dir, 'katalog.yaml'), katalogText);
  const out = path.join(dir, 'out');
  const g = generate(path.join(dir, 'katalog.yaml'), out);
  assert.ok(g.files, JSON.stringify(g.diagnostics.filter((d) => d.severity === 'error')));
  writeTree(out, g.files);
  return { g, out };
}

/** Bundles and imports `reconcileQueue` from a generated project folder. */
async function loadReconciler(projectDir: string): Promise<ReconcileFn> {
  const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'ork-notify-bundle-')), 'queue.mjs');
  await build({ entryPoints: [path.join(projectDir, 'src', 'reconcilers', 'queue.ts')], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'silent', alias: { '@ork/runtime-kit': RUNTIME_KIT_DIR } });
  const mod = (await import(pathToFileURL(outfile).href)) as { reconcileQueue: ReconcileFn };
  return mod.reconcileQueue;
}

const queue = (namespace: string, spec: Record<string, unknown>) => ({ apiVersion: 'messaging.ork.dev/v1', kind: 'Queue', metadata: { name: 'orders', namespace, uid: 'u1' }, spec: { image: 'busybox:1.37', ...spec } });
const input = { children: {}, ork: { namespace: 'queues-system', version: '0.1.0', katalog: 'queues' } };

test('the example reconciler reports the notify blocks that held, per team, messages in Orkestra priority', async () => {
  const reconcile = await loadReconciler('generated/notifications');
  const quiet = reconcile(queue('default', { maxBacklog: 1000 }), input) as NotifyingDesired;
  assert.deepEqual(quiet.notifications, []);
  const backlog = reconcile(queue('default', { maxBacklog: 250000 }), input) as NotifyingDesired;
  assert.deepEqual(backlog.notifications.map((n) => [n.team, n.condKey, n.intervalMs, n.message, n.actual]), [
    ['oncall', 'spec.maxBacklog|gt|100000', 30 * 60_000, 'backlog limit above 100000', '250000'],
    ['platform', 'spec.maxBacklog|gt|100000', 60 * 60_000, 'backlog limit above 100000', '250000'],
  ]);
  assert.equal(backlog.statusFields['backlogAlert'], true, 'the status field is unaffected');
  const pausedDev = reconcile(queue('default', { paused: true }), input) as NotifyingDesired;
  assert.deepEqual(pausedDev.notifications, [], 'paused outside production: the notify condition is reached but fails');
  const pausedProd = reconcile(queue('production', { paused: true }), input) as NotifyingDesired;
  assert.deepEqual(pausedProd.notifications.map((n) => [n.team, n.condKey, n.message]), [
    ['oncall', 'metadata.namespace|equals|production', 'Queue production/orders needs attention'],
  ], 'no notify.message: the team message template, rendered for this CR');
});

const katalog = (notification: string, when: string) => `apiVersion: orkestra.orkspace.io/v1
kind: Katalog
metadata: {name: variant, namespace: variant-system, version: 0.0.1}
gateway: {endpoint: "http://127.0.0.1:9"}
${notification}
spec:
  crds:
    queue:
      crdFile: ./crd.yaml
      operatorBox:
        status:
          fields:
            - path: alert
              value: "on"
              when:
${when}
`;
const TEAMS = 'notification:\n  teams:\n    ops: {email: [ops@example.com]}';

test('message text is data: quotes, backticks and ${} reach the Gateway verbatim and never become code', async () => {
  const evil = 'x"); process.exit(7); ("` ${process.pid} \\\\n';
  const { g, out } = generateVariant(katalog(TEAMS, `                - field: spec.maxBacklog\n                  greaterThan: "1"\n                  notify: {teams: [ops], message: ${JSON.stringify(evil)}}`));
  const source = g.files!.get('src/reconcilers/queue.ts')!;
  assert.ok(source.includes(`message: () => ${JSON.stringify(evil)}`), 'a JSON string literal');
  const d = (await loadReconciler(out))(queue('default', { maxBacklog: 5 }), input) as NotifyingDesired;
  assert.equal(d.notifications[0]?.message, evil);
});

test('notification.enabled: false compiles no notify blocks', () => {
  const { g } = generateVariant(katalog(`${TEAMS}\n  enabled: false`, '                - field: spec.maxBacklog\n                  greaterThan: "1"\n                  notify: {teams: [ops]}'));
  const source = g.files!.get('src/reconcilers/queue.ts')!;
  assert.doesNotMatch(source, /evaluateNotifyingGate|notifications/);
  assert.match(source, /evaluateGate\(/);
});

test('ORK046: none for notify in compiled gates; a warning for notify where conditions are not evaluated (onDelete)', () => {
  const example = generate(path.join(EXAMPLE, 'katalog.yaml'), 'generated/notifications');
  assert.deepEqual(example.diagnostics.filter((d) => d.code === 'ORK046'), []);
  const text = readFileSync(path.join(EXAMPLE, 'katalog.yaml'), 'utf8').replace(
    '        onReconcile:\n',
    '        onDelete:\n          when:\n            - field: spec.paused\n              equals: "true"\n              notify: {teams: [oncall]}\n          deployments:\n            - name: "{{ .metadata.name }}-consumer"\n        onReconcile:\n',
  );
  const { g } = generateVariant(text);
  const w = g.diagnostics.filter((d) => d.code === 'ORK046');
  assert.equal(w.length, 1, JSON.stringify(g.diagnostics));
  assert.equal(w[0]!.path, 'spec.crds.queue.operatorBox.onDelete.when.0.notify');
  assert.match(w[0]!.message, /notify:.*outside onCreate\/onReconcile and status-field gates: validated, but not compiled/);
});
