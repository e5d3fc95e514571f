/**
 * A declaration whose `when` gate is false is skipped, never rendered into a failure: its
 * templates may need what the gate guards (here an environment that only a production CR
 * lists). The gated-off child's ref is still reported for pruning when it can be named.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '../../../compiler/generate.ts';
import { importGenerated } from '../../../compiler/build/preview.ts';
import type { Desired, ReconcileFn } from '../../../runtime-kit/reconcile/desired.ts';

const EXAMPLE = 'examples/app-config';

/** The app-config reconciler with the gated ConfigMap reading the fourth environment. */
async function reconciler(): Promise<ReconcileFn> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-gated-'));
  copyFileSync(path.join(EXAMPLE, 'crd.yaml'), path.join(dir, 'crd.yaml'));
  const text = readFileSync(path.join(EXAMPLE, 'katalog.yaml'), 'utf8');
  const edited = text.replace('production: "{{ isProduction }}"', 'production: "{{ index .spec.environments 3 }}"');
  assert.notEqual(edited, text, 'the edit applies');
  writeFileSync(path.join(dir, 'katalog.yaml'), edited);
  const g = generate(path.join(dir, 'katalog.yaml'), path.join(dir, 'out'));
  assert.ok(g.files, JSON.stringify(g.diagnostics));
  const mod = await importGenerated(g.files, 'src/reconcilers/appconfig.ts');
  return mod['reconcileAppConfig'] as ReconcileFn;
}

const cr = (stage: string, environments: string[]) => ({
  apiVersion: 'config.ork.dev/v1',
  kind: 'AppConfig',
  metadata: { name: 'shop', namespace: 'default', uid: 'u-1', generation: 1 },
  spec: { stage, environments },
});
const input = { children: {}, ork: { namespace: 'app-config-system', version: '0.1.0', katalog: 'app-config' } };
const names = (d: Desired) => d.children.map((c) => c.object.metadata.name);

test('gate false: the declaration is skipped although its template would fail', async () => {
  const reconcile = await reconciler();
  const d = reconcile(cr('dev', ['dev']), input);
  assert.deepEqual(names(d), ['shop-token', 'shop-dev']);
  assert.deepEqual(d.gatedOff, [], 'a child that cannot be named for this CR has no ref');
});

test('gate true: the child is built, and a render failure is still an error', async () => {
  const reconcile = await reconciler();
  const d = reconcile(cr('production', ['dev', 'staging', 'prod', 'dr']), input);
  const prod = d.children.find((c) => c.object.metadata.name === 'shop-production');
  assert.equal((prod?.object as { data?: Record<string, string> }).data?.['production'], 'dr');
  assert.throws(() => reconcile(cr('production', ['dev']), input), /index/);
});

test('gate false, child nameable: its ref is reported for pruning', async () => {
  const reconcile = await reconciler();
  const d = reconcile(cr('dev', ['dev', 'staging', 'prod', 'dr']), input);
  assert.ok(!names(d).includes('shop-production'));
  assert.deepEqual(d.gatedOff, [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'shop-production', namespace: 'default' }]);
});
