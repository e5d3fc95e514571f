/**
 * Fault 4 (issue 8): the API server unreachable for 30 s. The web-app operator talks to the API
 * server through a TCP proxy; the proxy cuts every connection and refuses new ones for 30 s (the
 * shared plane's apiserver keeps running — other files own restarts). Meanwhile a CR is created
 * and another one changed. Shown: the operator's connection attempts during the outage stay
 * bounded (backoff, no flood — every attempt is a new TCP connection, counted by the proxy),
 * the process stays up, and after the outage it recovers on its own and reconciles both changes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from '../../helpers/control-plane.ts';
import { isConverged } from '../../soak/ready-tracker.ts';
import { logLines } from '../../soak/web-app-operator.ts';
import { webappRef, type WebApp } from '../../soak/webapps.ts';
import { startProxiedWebApp } from './proxied-web-app.ts';

const OUTAGE_MS = Number(process.env['ORK_OUTAGE_MS'] ?? 30_000);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test('apiserver unreachable for 30 s: bounded retries, no crash, recovers and reconciles what changed meanwhile', { timeout: 180_000 }, async (t) => {
  const w = await startProxiedWebApp('fault-outage');
  try {
    const get = (name: string) => w.client.get<WebApp>(webappRef(w.ns, name));
    const deployment = (name: string) => w.client.get<{ spec: { replicas: number } }>({ group: 'apps', version: 'v1', plural: 'deployments', namespace: w.ns, name }).catch(() => undefined);
    await w.apps.create('before', { image: 'nginx:1.27', replicas: 2 });
    await eventually('before converged', 60_000, async () => (isConverged(await get('before')) ? true : undefined), 250);
    await sleep(2_000); // steady state: watches open, lease renewing

    const down = Date.now();
    w.proxy.pause();
    await sleep(2_000);
    await w.apps.create('during', { image: 'nginx:1.27', replicas: 1 });
    await w.apps.patchSpec('before', { replicas: 3 });
    await sleep(down + OUTAGE_MS - Date.now());
    const attempts = w.proxy.attempts.filter((a) => a >= down);
    const perSecond = Array.from({ length: OUTAGE_MS / 1000 }, (_, s) => attempts.filter((a) => a >= down + s * 1000 && a < down + (s + 1) * 1000).length);
    assert.equal(w.op.child.exitCode, null, 'the operator is still running after 30 s without its API server');

    const up = Date.now();
    w.proxy.resume();
    await eventually('during converged with its Deployment', 90_000, async () => (isConverged(await get('during')) && (await deployment('during')) ? true : undefined), 250);
    await eventually('before rolled out to 3 replicas', 30_000, async () => ((await deployment('before'))?.spec.replicas === 3 && isConverged(await get('before')) ? true : undefined), 250);
    const recoveredMs = Date.now() - up;

    // after recovery the operator goes quiet again: only lease renewals and watch re-opens
    const r0 = await w.requests();
    await sleep(10_000);
    const idleRequests = (await w.requests()) - r0;

    const failures = logLines(w.op, 'list/watch failed, retrying').length;
    const leadership = logLines(w.op).filter((l) => /leading/.test(l.msg)).map((l) => `${l.msg}${l['reason'] ? ` (${String(l['reason'])})` : ''}`);
    t.diagnostic(`outage ${OUTAGE_MS} ms: ${attempts.length} connection attempts (${(attempts.length / (OUTAGE_MS / 1000)).toFixed(1)}/s, max ${Math.max(...perSecond)} in one second; per second: ${perSecond.join(' ')})`);
    t.diagnostic(`${failures} informer list/watch failures logged; leadership: ${leadership.join(' → ')}`);
    t.diagnostic(`recovered (CR made during the outage Ready, change rolled out) ${recoveredMs} ms after the API server came back; ${idleRequests} API requests in the next 10 s idle`);

    // a flood would be hundreds per second; 3 informers + the lease loop with backoff make a few per second at most
    assert.ok(attempts.length >= 3, `the operator kept trying (${attempts.length} attempts)`);
    assert.ok(attempts.length <= 150, `no flood: ${attempts.length} connection attempts in ${OUTAGE_MS} ms`);
    assert.ok(Math.max(...perSecond) <= 25, `no burst: at most ${Math.max(...perSecond)} attempts in one second`);
    assert.ok(idleRequests <= 30, `quiet after recovery: ${idleRequests} requests in 10 s`);
  } catch (err) {
    t.diagnostic(`operator log (last 120 lines):\n${w.op.lines.slice(-120).join('\n')}`);
    const metrics = await fetch(`http://127.0.0.1:${w.op.port}/metrics`).then((r) => r.text()).catch(() => '');
    t.diagnostic(`operator metrics:\n${metrics.split('\n').filter((l) => /^ork_(api_requests_total|resources|workqueue_depth|leader|reconcile_total)/.test(l)).join('\n')}`);
    t.diagnostic(`proxy: accepted ${w.proxy.accepted}, refused ${w.proxy.refused}, open ${w.proxy.open}`);
    throw err;
  } finally {
    assert.equal(await w.close(), 0, 'SIGTERM after the outage still exits 0');
  }
});
