/**
 * CRD-entry options on the real control plane, with the operator running on exactly the
 * generated RBAC (test/fixtures/katalog-options):
 * - `labelSelector` + `allowedNamespaces` (Gadget): a gold CR in an allowed namespace is
 *   reconciled; one without the label, or in another namespace, is not (no child, no
 *   finalizer) — until it is labelled.
 * - `labels` (Gadget): written onto the reconciled CR with the operator's field manager; a
 *   reconcile that finds them in place writes nothing (the CR's resourceVersion stays).
 * - `fieldSelector` + `restrictedNamespaces` + `queue.retryBackoff` (Fuse, whose child name is
 *   invalid so every reconcile fails): only `boom` outside the restricted namespace is tried;
 *   its retries wait the configured 200 → 400 → 500 ms (capped) and stop after maxAttempts 3.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { createTestNamespace, deleteNamespace, eventually, testPlane } from '../../helpers/control-plane.ts';
import { runOrk } from '../../helpers/run-ork.ts';
import { installBuilt } from './install-built.ts';
import { startOperator } from './operator-process.ts';

const FIXTURE = 'test/fixtures/katalog-options';
const plane = testPlane();
const kubectl = (args: string[], input?: string): string =>
  execFileSync(plane.kubectl, ['--kubeconfig', plane.kubeconfig, ...args], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}) });

/** A log line of the operator, parsed. */
interface LogLine {
  readonly time: string;
  readonly msg: string;
  readonly crd?: string;
  readonly key?: string;
  readonly retries?: number;
  readonly attempts?: number;
}

const parsed = (lines: readonly string[]): LogLine[] =>
  lines.flatMap((l) => {
    try {
      return [JSON.parse(l) as LogLine];
    } catch {
      return [];
    }
  });

const cr = (kind: string, name: string, ns: string, extra: { labels?: Record<string, string>; child?: string } = {}): string =>
  stringify({ apiVersion: 'options.ork.dev/v1', kind, metadata: { name, namespace: ns, ...(extra.labels ? { labels: extra.labels } : {}) }, spec: { child: extra.child ?? `${name}-child` } });

const exists = (kind: string, ns: string, name: string): boolean => {
  try {
    kubectl(['get', '-n', ns, kind, name, '-o', 'name']);
    return true;
  } catch {
    return false;
  }
};

test('selectors, namespace lists, CR labels and retryBackoff act in the generated operator', { timeout: 170_000 }, async (t) => {
  const [allowed, other, restricted] = await Promise.all([createTestNamespace('e2e-opt-a'), createTestNamespace('e2e-opt-o'), createTestNamespace('e2e-opt-r')]);
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-options-'));
  for (const f of ['gadget-crd.yaml', 'fuse-crd.yaml']) copyFileSync(path.join(FIXTURE, f), path.join(dir, f));
  // The test's namespaces in the lists; `options-b` stays, so the allow-list has two entries and
  // the CR informer watches every namespace (the guard filters, not a single-namespace watch).
  const katalog = readFileSync(path.join(FIXTURE, 'katalog.yaml'), 'utf8').replace('[options-a, options-b]', `[${allowed}, options-b]`).replace('[options-r]', `[${restricted}]`);
  writeFileSync(path.join(dir, 'katalog.yaml'), katalog);
  const out = path.join(dir, 'out');
  const built = await runOrk(['build', path.join(dir, 'katalog.yaml'), '-o', out]);
  assert.equal(built.code, 0, built.stderr);
  assert.doesNotMatch(built.stderr, /ORK046/, 'no "not compiled" warning for these options');
  const saConfig = installBuilt(out, 'options-system', 'katalog-options-operator', dir);
  const op = await startOperator(path.join(out, 'dist', 'main.js'), saConfig, { ORK_NAMESPACE: 'options-system' });
  try {
    const t0 = Date.now();
    kubectl(['apply', '-f', '-'], [
      cr('Gadget', 'gold', allowed, { labels: { tier: 'gold' } }),
      cr('Gadget', 'plain', allowed),
      cr('Gadget', 'elsewhere', other, { labels: { tier: 'gold' } }),
      cr('Fuse', 'boom', allowed, { child: 'Bad_Name' }),
      cr('Fuse', 'boom', restricted, { child: 'Bad_Name' }),
      cr('Fuse', 'calm', allowed, { child: 'Bad_Name' }),
    ].join('---\n'));

    await eventually('the gold Gadget in the allowed namespace reconciled', 60_000, async () => (exists('configmap', allowed, 'gold-gadget') ? true : undefined));
    t.diagnostic(`gold-gadget made ${Date.now() - t0} ms after the CRs were applied`);
    const boomKey = `${allowed}/boom`;
    const gaveUp = await eventually('Fuse boom given up after maxAttempts', 60_000, async () =>
      parsed(op.lines).find((l) => l.msg.startsWith('giving up on key') && l.crd === 'fuse' && l.key === boomKey));
    assert.equal(gaveUp.attempts, 3);
    await new Promise((r) => setTimeout(r, 2_500)); // nothing more may happen: no retry after giving up, no other key tried

    const failures = parsed(op.lines).filter((l) => l.msg === 'reconcile failed' && l.crd === 'fuse');
    assert.deepEqual(failures.map((l) => l.key), [boomKey, boomKey, boomKey, boomKey], 'only boom outside the restricted namespace is reconciled (fieldSelector, restrictedNamespaces), 1 try + 3 retries');
    assert.deepEqual(failures.map((l) => l.retries), [0, 1, 2, 3]);
    const gaps = failures.slice(1).map((l, i) => Date.parse(l.time) - Date.parse(failures[i]!.time));
    t.diagnostic(`retry gaps ${gaps.join(', ')} ms (configured 200, 400, 500 = 800 capped at max)`);
    [200, 400, 500].forEach((want, i) => {
      assert.ok(gaps[i]! >= want - 2, `retry ${i + 1} waited ${gaps[i]} ms, at least the configured ${want} ms`);
      assert.ok(gaps[i]! < want + 5_000, `retry ${i + 1} waited ${gaps[i]} ms, not far beyond ${want} ms`);
    });

    const finalizers = (ns: string, name: string): string => kubectl(['get', '-n', ns, 'gadget', name, '-o', 'jsonpath={.metadata.finalizers}']);
    assert.equal(exists('configmap', allowed, 'plain-gadget'), false, 'a CR without the selected label is not reconciled');
    assert.equal(finalizers(allowed, 'plain'), '', 'nor given a finalizer');
    assert.equal(exists('configmap', other, 'elsewhere-gadget'), false, 'a CR outside allowedNamespaces is not reconciled');
    assert.equal(finalizers(other, 'elsewhere'), '');
    assert.match(finalizers(allowed, 'gold'), /orkestra\.orkspace\.io\/cleanup/);

    const gold = (): { metadata: { resourceVersion: string; labels?: Record<string, string>; managedFields?: Array<{ manager: string; fieldsV1?: unknown }> } } => JSON.parse(kubectl(['get', '-n', allowed, 'gadget', 'gold', '-o', 'json', '--show-managed-fields']));
    const labelled = await eventually('the Katalog labels on the gold Gadget', 30_000, async () => (gold().metadata.labels?.['options.ork.dev/owner'] === 'gold' ? gold() : undefined));
    assert.deepEqual(labelled.metadata.labels, { tier: 'gold', 'options.ork.dev/owner': 'gold', 'options.ork.dev/fixed': 'yes' }, 'its own label kept, the Katalog ones added');
    assert.ok(labelled.metadata.managedFields?.some((m) => m.manager === 'ork-katalog-options' && JSON.stringify(m.fieldsV1).includes('options.ork.dev/owner')), 'applied by the operator\'s field manager');
    const gadgetReconciles = async (): Promise<number> => {
      const text = await (await fetch(`http://127.0.0.1:${op.port}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith('ork_reconcile_total{') && l.includes('crd="gadget"') && l.includes('result="success"'));
      return Number(line?.split(' ').pop() ?? 0);
    };
    await new Promise((r) => setTimeout(r, 1_000)); // let the reconcile the label write triggered finish
    const before = await gadgetReconciles();
    kubectl(['annotate', '-n', allowed, 'gadget', 'gold', 'poke=1']); // an update event: one more reconcile, nothing to change
    const poked = gold().metadata.resourceVersion;
    await eventually('a reconcile after the annotation', 30_000, async () => ((await gadgetReconciles()) > before ? true : undefined));
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(gold().metadata.resourceVersion, poked, 'a reconcile with labels, children and status in place writes nothing');
    assert.equal(exists('configmap', allowed, 'plain-gadget'), false);

    kubectl(['label', '-n', allowed, 'gadget', 'plain', 'tier=gold']);
    await eventually('the Gadget reconciled once it carries the selected label', 60_000, async () => (exists('configmap', allowed, 'plain-gadget') ? true : undefined));
    assert.deepEqual(op.lines.filter((l) => /forbidden/i.test(l)), [], 'no request was forbidden');
  } finally {
    // Deleted while the operator runs, so it removes its finalizers and the namespaces go away.
    await Promise.all([allowed, other, restricted].map((ns) => deleteNamespace(ns)));
    await eventually('the reconciled Gadgets finalized', 30_000, async () => (exists('gadget', allowed, 'gold') || exists('gadget', allowed, 'plain') ? undefined : true)).catch(() => undefined);
    assert.equal(await op.stop(), 0);
  }
});
