/**
 * Leader election on a real Lease with the default durations (15 s lease, 10 s renew deadline,
 * 2 s retry): exactly one of two candidates leads; a released lease passes to the standby within
 * about one retry period; a leader that stops renewing without releasing is replaced once the
 * lease expired; a leader whose Lease is taken by a competing write stops at once.
 * Times are measured on the wall clock and printed; bounds are generous (loaded 2-core machine).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kubeconfigConnection } from '../../../runtime-kit/client/kubeconfig.ts';
import { KubeClient } from '../../../runtime-kit/client/rest.ts';
import { LeaderElector } from '../../../runtime-kit/leader/elector.ts';
import type { Lease } from '../../../runtime-kit/leader/lease.ts';
import { kubeLeaseStore, microTime } from '../../../runtime-kit/leader/lease.ts';
import { createTestNamespace, deleteNamespace, eventually, testPlane } from '../../helpers/control-plane.ts';

let ns = '';
let client: KubeClient;
const electors: LeaderElector[] = [];

before(async () => {
  ns = await createTestNamespace('rk-leader');
  client = new KubeClient({ connection: await kubeconfigConnection({ path: testPlane().kubeconfig }), retry: { attempts: 1 }, timeoutMs: 5_000 });
});
after(async () => {
  await Promise.all(electors.map((e) => e.stop()));
  await deleteNamespace(ns);
});

interface Candidate {
  readonly elector: LeaderElector;
  startedAt: number | undefined;
  stoppedAt: number | undefined;
  signal: AbortSignal | undefined;
  abortedAt: number | undefined;
  readonly leaders: string[];
}

function candidate(lease: string, identity: string, releaseOnStop = true): Candidate {
  const c: Candidate = { startedAt: undefined, stoppedAt: undefined, signal: undefined, abortedAt: undefined, leaders: [], elector: undefined as unknown as LeaderElector };
  const elector = new LeaderElector({
    store: kubeLeaseStore(client, ns, lease),
    identity,
    releaseOnStop,
    callbacks: {
      onStartedLeading: (signal) => {
        c.startedAt = Date.now();
        c.signal = signal;
        signal.addEventListener('abort', () => (c.abortedAt = Date.now()));
      },
      onStoppedLeading: () => (c.stoppedAt = Date.now()),
      onNewLeader: (id) => c.leaders.push(id),
    },
  });
  (c as { elector: LeaderElector }).elector = elector;
  electors.push(elector);
  return c;
}

const leaseRef = (name: string) => ({ group: 'coordination.k8s.io', version: 'v1', plural: 'leases', namespace: ns, name });

/** Starts `a`, waits until it leads, then starts `b`. */
async function leaderAndStandby(lease: string, releaseOnStop = true): Promise<[Candidate, Candidate]> {
  const a = candidate(lease, `a-${lease}`, releaseOnStop);
  const b = candidate(lease, `b-${lease}`);
  void a.elector.run();
  await eventually('a leads', 20_000, async () => (a.elector.isLeader() ? true : undefined));
  void b.elector.run();
  await eventually('b observes a', 20_000, async () => (b.leaders.includes(a.elector.identity) ? true : undefined));
  return [a, b];
}

describe('LeaderElector on a real Lease', () => {
  it('exactly one of two candidates leads, and the Lease names it', async () => {
    const [a, b] = await leaderAndStandby('one');
    await new Promise((r) => setTimeout(r, 5_000)); // a few renewals
    assert.equal(a.elector.isLeader(), true);
    assert.equal(b.elector.isLeader(), false);
    assert.equal(b.startedAt, undefined);
    const lease = await client.get<Lease>(leaseRef('one'));
    assert.equal(lease.spec?.holderIdentity, a.elector.identity);
    assert.equal(lease.spec?.leaseDurationSeconds, 15);
    assert.ok(Date.now() - Date.parse(lease.spec?.renewTime ?? '') < 5_000, `renewed recently: ${lease.spec?.renewTime}`);
    await b.elector.stop();
    await a.elector.stop();
  });

  it('a leader that stops releases the Lease and the standby takes over within about one retry period', async () => {
    const [a, b] = await leaderAndStandby('release');
    const t0 = Date.now();
    await a.elector.stop();
    const released = await client.get<Lease>(leaseRef('release'));
    assert.ok(a.signal?.aborted);
    await eventually('b leads', 20_000, async () => (b.elector.isLeader() ? true : undefined), 50);
    const handover = (b.startedAt ?? 0) - t0;
    console.log(`# release → standby leading in ${handover} ms (release wrote holder "${released.spec?.holderIdentity ?? ''}", ${released.spec?.leaseDurationSeconds} s)`);
    assert.ok(['', b.elector.identity].includes(released.spec?.holderIdentity ?? ''));
    assert.ok(handover < 8_000, `handover took ${handover} ms`);
    await b.elector.stop();
  });

  it('a leader that stops renewing without releasing is replaced once its lease expired', async () => {
    const [a, b] = await leaderAndStandby('expire', false);
    const lastRenew = Date.parse((await client.get<Lease>(leaseRef('expire'))).spec?.renewTime ?? '');
    const t0 = Date.now();
    await a.elector.stop();
    assert.equal((await client.get<Lease>(leaseRef('expire'))).spec?.holderIdentity, a.elector.identity, 'not released');
    await eventually('b leads', 40_000, async () => (b.elector.isLeader() ? true : undefined), 100);
    const after = (b.startedAt ?? 0) - t0;
    const sinceRenew = (b.startedAt ?? 0) - lastRenew;
    console.log(`# standby took over ${after} ms after the leader stopped (${sinceRenew} ms after its last renewal seen; lease 15 s)`);
    assert.ok(sinceRenew >= 12_000, `not before the lease could have expired: ${sinceRenew} ms`);
    assert.ok(after < 30_000, `${after} ms`);
    const lease = await client.get<Lease>(leaseRef('expire'));
    assert.equal(lease.spec?.holderIdentity, b.elector.identity);
    assert.equal(lease.spec?.leaseTransitions, 1);
    await b.elector.stop();
  });

  it('a leader whose Lease is taken by a competing write stops at once (next renewal), not at the deadline', async () => {
    const a = candidate('stolen', 'a-stolen');
    void a.elector.run();
    await eventually('a leads', 20_000, async () => (a.elector.isLeader() ? true : undefined));
    const lease = await client.get<Lease>(leaseRef('stolen'));
    const t0 = Date.now();
    await client.replace(leaseRef('stolen'), { ...lease, spec: { ...lease.spec, holderIdentity: 'intruder', acquireTime: microTime(t0), renewTime: microTime(t0) } });
    await eventually('a stops', 20_000, async () => (a.abortedAt !== undefined ? true : undefined), 20);
    const took = (a.abortedAt ?? 0) - t0;
    console.log(`# competing write → leader's signal aborted after ${took} ms (retry period 2 s, renew deadline 10 s)`);
    assert.ok(took < 6_000, `${took} ms`);
    assert.ok(a.leaders.includes('intruder'));
    assert.ok((a.stoppedAt ?? 0) >= (a.abortedAt ?? Infinity), 'onStoppedLeading after the signal aborted');
    await a.elector.run();
    assert.equal((await client.get<Lease>(leaseRef('stolen'))).spec?.holderIdentity, 'intruder', 'the loser does not write back');
  });
});
