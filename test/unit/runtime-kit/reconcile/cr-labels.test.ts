/** CR `labels:`: applied onto the CR (SSA, operator's field manager) when missing or different; a no-op reconcile writes nothing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHarness } from '../../../../runtime-kit/reconcile/harness.ts';
import { ensureCrLabels, hasLabels } from '../../../../runtime-kit/reconcile/cr-labels.ts';
import type { ReconcileFn } from '../../../../runtime-kit/reconcile/desired.ts';
import type { ResourceRef } from '../../../../runtime-kit/client/paths.ts';
import type { ApplyOptions } from '../../../../runtime-kit/client/rest.ts';
import type { KindInfo } from '../../../../runtime-kit/reconcile/ports.ts';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { nullLogger } from '../../../../runtime-kit/log/logger.ts';
import { RecordedCluster } from './recorded-cluster.ts';

const GADGET: KindInfo = { apiVersion: 'demo.ork.dev/v1', kind: 'Gadget', plural: 'gadgets', namespaced: true };

/** A reconciler with no children whose labels follow spec.team. */
const reconcile: ReconcileFn = (cr) => ({
  children: [],
  gatedOff: [],
  statusFields: {},
  requeueAfterMs: 0,
  deletionStages: [],
  crLabels: { 'demo.ork.dev/team': String((cr['spec'] as { team?: string }).team ?? ''), fixed: 'yes' },
});

function setup() {
  const clock = new FakeClock(0);
  const cluster = new RecordedCluster([GADGET], clock);
  cluster.seed({ apiVersion: GADGET.apiVersion, kind: 'Gadget', metadata: { name: 'g', namespace: 'default', labels: { owner: 'user' } }, spec: { team: 'blue' } });
  const run = createHarness({ crdKind: GADGET, kinds: [GADGET], reconcile, api: cluster, live: cluster, events: cluster, finalizers: [], fieldManager: 'ork-test', clock, log: nullLogger });
  return { cluster, run, labels: (): Record<string, string> => cluster.named('Gadget', 'g')!['metadata']['labels'] };
}

test('the labels are applied onto the CR, then a reconcile with them in place writes nothing', async () => {
  const { cluster, run, labels } = setup();
  assert.deepEqual(await run('default', 'g'), { kind: 'done' });
  assert.ok(cluster.writes.includes('apply Gadget/g'), cluster.writes.join(', '));
  assert.deepEqual(labels(), { owner: 'user', 'demo.ork.dev/team': 'blue', fixed: 'yes' }, 'the user\'s own label stays');
  assert.deepEqual(cluster.named('Gadget', 'g')!['spec'], { team: 'blue' }, 'applying the labels leaves the spec alone');
  cluster.writes.length = 0;
  await run('default', 'g');
  assert.deepEqual(cluster.writes, [], 'no-op reconcile');
});

test('a label value that changes with the CR is applied again', async () => {
  const { cluster, run, labels } = setup();
  await run('default', 'g');
  cluster.seed({ ...cluster.named('Gadget', 'g')!, spec: { team: 'red' } } as never);
  cluster.writes.length = 0;
  await run('default', 'g');
  assert.deepEqual(cluster.writes.filter((w) => w.startsWith('apply Gadget')), ['apply Gadget/g']);
  assert.equal(labels()['demo.ork.dev/team'], 'red');
});

test('ensureCrLabels sends only the labels, as a forced apply with the field manager', async () => {
  const calls: Array<{ ref: ResourceRef; obj: unknown; opts: ApplyOptions }> = [];
  const api = { apply: async (ref: ResourceRef, obj: unknown, opts: ApplyOptions) => void calls.push({ ref, obj, opts }) } as never;
  const cr = { apiVersion: GADGET.apiVersion, kind: 'Gadget', metadata: { name: 'g', namespace: 'ns', labels: { other: 'x', fixed: 'no' } }, spec: { big: 'spec' } };
  assert.equal(await ensureCrLabels({ api, kinds: [GADGET], fieldManager: 'ork-demo' }, cr, { fixed: 'yes' }), true);
  assert.deepEqual(calls, [{
    ref: { group: 'demo.ork.dev', version: 'v1', plural: 'gadgets', namespace: 'ns', name: 'g' },
    obj: { apiVersion: GADGET.apiVersion, kind: 'Gadget', metadata: { name: 'g', namespace: 'ns', labels: { fixed: 'yes' } } },
    opts: { fieldManager: 'ork-demo', force: true },
  }]);
  assert.equal(await ensureCrLabels({ api, kinds: [GADGET], fieldManager: 'ork-demo' }, cr, undefined), false);
  assert.equal(await ensureCrLabels({ api, kinds: [GADGET], fieldManager: 'ork-demo' }, cr, {}), false);
  assert.equal(calls.length, 1);
  assert.equal(hasLabels(cr, { other: 'x' }), true);
  assert.equal(hasLabels(cr, { other: 'y' }), false);
});
