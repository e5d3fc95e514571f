/**
 * Fault 5 (issue 8): contention and throttling, both produced by the real API server.
 *
 * 409: a competing writer hammers the CRs the web-app operator reconciles (annotations, the
 * finalizer list, the status) and a declared field of a child (Deployment replicas). The
 * operator's finalizer patches carry the resourceVersion it read, so the API server answers 409
 * when the writer got there first. Shown: every CR and child converges once the writer stops,
 * the operator's writes during the fight stay proportional to the writer's (it corrects, it does
 * not spin), and in a quiet window afterwards it writes nothing.
 *
 * 429: API Priority and Fairness (on by default) is configured to give the operator's
 * ServiceAccount its own priority level with the smallest share (nominalConcurrencyShares 1,
 * a few seats of the server's 600), no borrowing and `Reject` — the
 * API server itself then answers 429 whenever the operator has more requests in flight than
 * that; a noisy neighbour in the same flow keeps the seats busy for the first 15 s. (A proxy
 * could only fake a 429 by terminating TLS; APF makes the server say it.) Shown:
 * a burst of CRs converges anyway, with the 429s counted, and the operator backs off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { createTestNamespace, eventually, testPlane, uniqueSuffix } from '../../helpers/control-plane.ts';
import { kubectl } from '../../helpers/kubectl.ts';
import { isConverged } from '../../soak/ready-tracker.ts';
import { releaseAndDelete } from '../../soak/cleanup.ts';
import { metricValue, scrape } from '../../soak/metrics.ts';
import { buildWebApp, installCrd } from '../../soak/web-app-operator.ts';
import { adminClient, forEachBounded, webappRef, WebApps, type WebApp } from '../../soak/webapps.ts';
import { startOperator, type OperatorProcess } from '../e2e/operator-process.ts';
import { KubeClient } from '../../../runtime-kit/client/rest.ts';
import { kubeconfigConnection } from '../../../runtime-kit/client/kubeconfig.ts';
import { serviceAccountKubeconfig } from '../e2e/sa-kubeconfig.ts';
import { startProxiedWebApp } from './proxied-web-app.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** On failure: the operator's last log lines (no debug), its request counters, and the CRs that did not converge. */
async function explain(t: { diagnostic(m: string): void }, op: OperatorProcess, client: KubeClient, ns: string): Promise<void> {
  const text = (await scrape(op.port)) ?? '';
  const crs = (await client.list<{ items: WebApp[] }>(webappRef(ns)).catch(() => ({ items: [] as WebApp[] }))).items;
  const stuck = crs.filter((c) => !isConverged(c)).slice(0, 5).map((c) => `${c.metadata.name} gen ${c.metadata.generation} finalizers ${JSON.stringify(c.metadata.finalizers)} status ${JSON.stringify(c.status)}`);
  t.diagnostic(`operator log (last 60, no debug):\n${op.lines.filter((l) => !l.includes('"level":"debug"')).slice(-60).join('\n')}`);
  t.diagnostic(`requests:\n${text.split('\n').filter((l) => l.startsWith('ork_api_requests_total') || l.startsWith('ork_workqueue') || l.startsWith('ork_leader')).join('\n')}`);
  t.diagnostic(`${crs.filter(isConverged).length}/${crs.length} converged; not converged (first 5):\n${stuck.join('\n')}`);
}
const WRITES = ['PATCH', 'POST', 'PUT', 'DELETE'];

test('409: a competing writer on CRs and on a child field — converges, no hot loop', { timeout: 180_000 }, async (t) => {
  const w = await startProxiedWebApp('fault-409');
  try {
    const names = Array.from({ length: 8 }, (_, i) => `c${i}`);
    const get = (name: string) => w.client.get<WebApp>(webappRef(w.ns, name)).catch(() => undefined);
    const deploymentRef = (name: string) => ({ group: 'apps', version: 'v1', plural: 'deployments', namespace: w.ns, name });
    const allConverged = async (): Promise<true | undefined> => {
      for (const n of names) {
        const cr = await get(n);
        if (!cr || !isConverged(cr) || !cr.metadata.finalizers?.includes('orkestra.orkspace.io/cleanup')) return undefined;
        const d = await w.client.get<{ spec: { replicas: number } }>(deploymentRef(n)).catch(() => undefined);
        if (d?.spec.replicas !== 2) return undefined;
      }
      return true;
    };

    // the writer starts with the creates: the operator's first finalizer patches race it
    let fighting = true;
    let writerWrites = 0;
    let writerFailures = 0;
    const writer = async (name: string, i: number): Promise<void> => {
      await w.apps.create(name, { image: 'nginx:1.27', replicas: 2 });
      for (let n = 0; fighting; n++) {
        try {
          if (n % 3 === 0) await w.client.mergePatch(webappRef(w.ns, name), { metadata: { annotations: { 'fight/n': String(n) } } });
          else if (n % 3 === 1) await w.client.mergePatch(webappRef(w.ns, name), { metadata: { finalizers: null } });
          else await w.client.mergePatch({ ...webappRef(w.ns, name), subresource: 'status' }, { status: { observedGeneration: 0, conditions: [] } });
          if (i === 0) await w.client.mergePatch(deploymentRef(name), { spec: { replicas: 9 } });
          writerWrites += i === 0 ? 2 : 1;
        } catch {
          writerFailures++;
        }
        await sleep(20);
      }
    };
    const r0 = await w.requests(...WRITES);
    const fightMs = 10_000;
    const fight = forEachBounded(names, names.length, writer);
    await sleep(fightMs);
    fighting = false;
    await fight;
    const opWritesDuringFight = (await w.requests(...WRITES)) - r0;
    const conflicts = metricValue((await scrape(w.op.port)) ?? '', 'ork_api_requests_total', { code: '409' });

    const stop = Date.now();
    await eventually('every CR converged (Ready, finalizer, Deployment back to 2 replicas)', 90_000, allConverged, 250);
    const convergedMs = Date.now() - stop;
    await sleep(2_000);
    const q0 = await w.requests('PATCH');
    await sleep(10_000);
    const quietPatches = (await w.requests('PATCH')) - q0;

    t.diagnostic(`writer: ${writerWrites} writes in ${fightMs} ms (${writerFailures} failed) on ${names.length} CRs and one Deployment; operator: ${opWritesDuringFight} writes meanwhile, ${conflicts} answered 409`);
    t.diagnostic(`converged ${convergedMs} ms after the writer stopped; ${quietPatches} PATCHes in the next 10 s`);
    assert.ok(opWritesDuringFight <= writerWrites * 2 + 50, `no hot loop: ${opWritesDuringFight} operator writes for ${writerWrites} competing writes`);
    assert.equal(quietPatches, 0, 'nothing to write once converged');
    assert.equal(w.op.child.exitCode, null);
  } catch (err) {
    await explain(t, w.op, w.client, w.ns);
    throw err;
  } finally {
    assert.equal(await w.close(), 0);
  }
});

test('429 from API Priority and Fairness: a burst converges, throttled requests are retried with backoff', { timeout: 180_000 }, async (t) => {
  const plane = testPlane();
  const build = await buildWebApp();
  installCrd(plane, build);
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-429-'));
  // the operator's generated ServiceAccount and RBAC (no Deployment: the operator runs as a process)
  const docs = parseAllDocuments(readFileSync(path.join(path.dirname(build.crds), 'operator.yaml'), 'utf8')).map((d) => d.toJS() as { kind: string; metadata: { name: string; namespace?: string } });
  kubectl(['apply', '-f', '-'], docs.filter((d) => d.kind !== 'Deployment').map((d) => `---\n${stringify(d)}`).join(''));
  const sa = docs.find((d) => d.kind === 'ServiceAccount')!;
  const saConfig = serviceAccountKubeconfig(plane.kubectl, plane.kubeconfig, sa.metadata.namespace!, sa.metadata.name, dir);
  const level = `ork-throttled-${uniqueSuffix()}`;
  kubectl(['apply', '-f', '-'], [
    { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind: 'PriorityLevelConfiguration', metadata: { name: level }, spec: { type: 'Limited', limited: { nominalConcurrencyShares: 1, lendablePercent: 0, borrowingLimitPercent: 0, limitResponse: { type: 'Reject' } } } },
    { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind: 'FlowSchema', metadata: { name: level }, spec: { priorityLevelConfiguration: { name: level }, matchingPrecedence: 1000, distinguisherMethod: { type: 'ByUser' }, rules: [{ subjects: [{ kind: 'ServiceAccount', serviceAccount: { name: sa.metadata.name, namespace: sa.metadata.namespace! } }], resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'], namespaces: ['*'], clusterScope: true }], nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }] }] } },
  ].map((d) => `---\n${stringify(d)}`).join(''));
  const client = await adminClient(plane.kubeconfig);
  const ns = await createTestNamespace('fault-429');
  const op = await startOperator(build.bundle, saConfig, { ORK_NAMESPACE: sa.metadata.namespace! });
  try {
    const apps = new WebApps(client, ns);
    const names = Array.from({ length: 120 }, (_, i) => `t${i}`);
    // a noisy neighbour in the same flow (the operator's own ServiceAccount, like a second
    // replica listing in a loop) keeps the level's few seats busy for the first 15 s of the burst,
    // so the API server rejects some of the operator's requests even on a fast, quiet machine
    const neighbour = new KubeClient({ connection: await kubeconfigConnection({ path: saConfig }), qps: 0, retry: { attempts: 1 } });
    let neighbourRequests = 0;
    const noisyUntil = Date.now() + 15_000;
    const noise = forEachBounded([0, 1, 2, 3], 4, async () => {
      while (Date.now() < noisyUntil) {
        neighbourRequests++;
        await neighbour.list(webappRef(ns)).catch(() => undefined);
      }
    });
    const t0 = Date.now();
    await forEachBounded(names, 20, (n) => apps.create(n, { image: 'nginx:1.27', replicas: 1 }));
    await noise;
    await eventually(`all ${names.length} CRs converged`, 150_000, async () => {
      const list = await client.list<{ items: WebApp[] }>(webappRef(ns));
      return list.items.length === names.length && list.items.every(isConverged) ? true : undefined;
    }, 1_000);
    const convergedMs = Date.now() - t0;
    const text = (await scrape(op.port)) ?? '';
    const throttled = metricValue(text, 'ork_api_requests_total', { code: '429' });
    const total = metricValue(text, 'ork_api_requests_total');
    const serverMetrics = kubectl(['get', '--raw', '/metrics']).split('\n').filter((l) => l.includes(`priority_level="${level}"`));
    const rejected = serverMetrics.filter((l) => l.startsWith('apiserver_flowcontrol_rejected_requests_total'));
    const seats = serverMetrics.find((l) => l.startsWith('apiserver_flowcontrol_nominal_limit_seats'))?.split(' ').pop();
    t.diagnostic(`${names.length} CRs converged in ${convergedMs} ms through a priority level of ${seats ?? '?'} seats shared with a neighbour (${neighbourRequests} LISTs in 15 s); operator requests: ${total}, answered 429: ${throttled}; apiserver: ${rejected.join('; ') || 'no rejections recorded'}`);
    assert.ok(throttled > 0, 'the API server throttled the operator (precondition: otherwise this test shows nothing)');
    assert.ok(throttled < total / 2, `backoff keeps 429s a minority: ${throttled} of ${total}`);
    assert.equal(op.child.exitCode, null);
  } catch (err) {
    await explain(t, op, client, ns);
    throw err;
  } finally {
    assert.equal(await op.stop(), 0);
    kubectl(['delete', 'flowschema,prioritylevelconfiguration', level, '--ignore-not-found']);
    await releaseAndDelete(client, ns);
  }
});
