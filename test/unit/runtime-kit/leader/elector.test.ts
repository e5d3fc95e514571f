import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { AlreadyExistsError, ConflictError, ServerError } from '../../../../runtime-kit/client/errors.ts';
import type { LeaderElectorOptions } from '../../../../runtime-kit/leader/elector.ts';
import { LeaderElector } from '../../../../runtime-kit/leader/elector.ts';
import { defaultIdentity } from '../../../../runtime-kit/leader/identity.ts';
import type { Lease, LeaseSpec, LeaseStore } from '../../../../runtime-kit/leader/lease.ts';
import { microTime } from '../../../../runtime-kit/leader/lease.ts';
import { tick } from '../helpers.ts';

/** The API server's copy of one Lease, with resourceVersion checks. */
class LeaseServer {
  lease: Lease | undefined;
  rv = 0;
  readonly writes: Array<LeaseSpec | undefined> = [];
  /** Writes the spec as someone else would (a competing write). */
  overwrite(spec: LeaseSpec): void {
    this.lease = { metadata: { name: 'l', resourceVersion: String(++this.rv) }, spec };
    this.writes.push(spec);
  }
}

/** One process's connection to the server; `down` makes calls fail, `hang` makes them never answer. */
class View implements LeaseStore {
  readonly description = 'ns/l';
  down = false;
  hang = false;
  conflictNext = false;
  readonly #s: LeaseServer;
  constructor(s: LeaseServer) {
    this.#s = s;
  }
  /** When set, writes wait for it. */
  writeGate: Promise<void> | undefined;
  async #gate(write = false): Promise<void> {
    if (write && this.writeGate) await this.writeGate;
    if (this.hang) await new Promise(() => {});
    if (this.down) throw new ServerError(503, { message: 'unavailable' });
  }
  async get(): Promise<Lease | undefined> {
    await this.#gate();
    return this.#s.lease && structuredClone(this.#s.lease);
  }
  async create(spec: LeaseSpec): Promise<Lease> {
    await this.#gate(true);
    if (this.#s.lease) throw new AlreadyExistsError(409, { reason: 'AlreadyExists' });
    this.#s.overwrite(spec);
    return structuredClone(this.#s.lease!);
  }
  async update(lease: Lease): Promise<Lease> {
    await this.#gate(true);
    if (this.conflictNext || lease.metadata.resourceVersion !== this.#s.lease?.metadata.resourceVersion) {
      this.conflictNext = false;
      throw new ConflictError(409, { reason: 'Conflict' });
    }
    this.#s.overwrite(lease.spec ?? {});
    return structuredClone(this.#s.lease!);
  }
}

interface Probe {
  readonly elector: LeaderElector;
  readonly view: View;
  readonly events: string[];
  signal: AbortSignal | undefined;
}

function candidate(server: LeaseServer, clock: FakeClock, identity: string, opts: Partial<LeaderElectorOptions> = {}): Probe {
  const view = new View(server);
  const probe: Probe = {
    view,
    events: [],
    signal: undefined,
    elector: new LeaderElector({
      store: view,
      identity,
      clock,
      random: () => 0,
      callbacks: {
        onStartedLeading: (s) => {
          probe.signal = s;
          probe.events.push(`started@${clock.now() - T0}`);
        },
        onStoppedLeading: () => probe.events.push(`stopped@${clock.now() - T0}`),
        onNewLeader: (id) => probe.events.push(`leader:${id}`),
      },
      ...opts,
    }),
  };
  return probe;
}

const T0 = Date.UTC(2026, 0, 1);

/** Moves the fake clock in 100 ms steps, letting promise chains run between steps. */
async function elapse(clock: FakeClock, ms: number): Promise<void> {
  const settle = async () => {
    for (let i = 0; i < 5; i++) await tick();
  };
  for (let t = 0; t < ms; t += 100) {
    await settle();
    clock.advance(Math.min(100, ms - t));
  }
  await settle();
}

/** A fresh Lease server and fake clock, with candidate `a` (`aOpts`) created and running. */
function world(aOpts: Partial<LeaderElectorOptions> = {}): { server: LeaseServer; clock: FakeClock; a: Probe } {
  const server = new LeaseServer();
  const clock = new FakeClock();
  const a = candidate(server, clock, 'a', aOpts);
  void a.elector.run();
  return { server, clock, a };
}

/** `world()` where `a` leads after 100 ms, then `b` (`bOpts`) joins as standby and `standbyMs` pass. */
async function leaderAndStandby(standbyMs: number, bOpts: Partial<LeaderElectorOptions> = {}): Promise<{ server: LeaseServer; clock: FakeClock; a: Probe; b: Probe }> {
  const { server, clock, a } = world();
  await elapse(clock, 100);
  const b = candidate(server, clock, 'b', bOpts);
  void b.elector.run();
  await elapse(clock, standbyMs);
  return { server, clock, a, b };
}

/** When `p` started leading (ms after T0), if it did. */
function startedAt(p: Probe): number | undefined {
  const e = p.events.find((x) => x.startsWith('started@'));
  return e === undefined ? undefined : Number(e.slice('started@'.length));
}

describe('LeaderElector', () => {
  it('acquires an absent Lease, reports itself as leader, and renews every retry period', async () => {
    const { server, clock, a } = world();
    await elapse(clock, 100);
    assert.deepEqual(a.events, ['leader:a', 'started@0']);
    assert.equal(a.elector.isLeader(), true);
    assert.deepEqual(server.lease?.spec, { holderIdentity: 'a', leaseDurationSeconds: 15, acquireTime: microTime(T0), renewTime: microTime(T0), leaseTransitions: 0 });
    await elapse(clock, 4_000);
    assert.equal(server.lease?.spec?.renewTime, microTime(T0 + 4_000));
    assert.equal(server.lease?.spec?.acquireTime, microTime(T0), 'a renewal keeps acquireTime');
    assert.equal(server.writes.length, 3);
    await a.elector.stop();
  });

  it('two candidates: exactly one leads; the other observes it and keeps waiting', async () => {
    const { server, a, b } = await leaderAndStandby(30_000);
    assert.equal(a.elector.isLeader(), true);
    assert.equal(b.elector.isLeader(), false);
    assert.deepEqual(b.events, ['leader:a']);
    assert.equal(b.elector.leader, 'a');
    await b.elector.stop();
    await a.elector.stop();
  });

  it('a leader whose renewals fail stops at the renew deadline; the standby takes over once the lease expired', async () => {
    const { server, clock, a, b } = await leaderAndStandby(1_900); // a renews at 2 000
    a.view.down = true;
    await elapse(clock, 30_000);
    assert.ok(a.events.includes('stopped@12000'), `leader stops 10 s after its last renewal: ${a.events.join(' ')}`);
    assert.equal(a.signal?.aborted, true);
    const at = startedAt(b);
    assert.ok(at !== undefined, 'standby leads');
    // b last saw a change at ~2 000 ms; expiry 15 s later; b polls every 2 s
    assert.ok(at >= 17_000 && at <= 19_500, `standby took over at ${at} ms`);
    assert.equal(server.lease?.spec?.holderIdentity, 'b');
    assert.equal(server.lease?.spec?.leaseTransitions, 1);
    await a.elector.stop();
    await b.elector.stop();
  });

  it('with reelect, a leader cut off past its renew deadline leads again once the API server is back (no one took over)', async () => {
    const server = new LeaseServer();
    const clock = new FakeClock();
    const a = candidate(server, clock, 'a', { reelect: true });
    const term = a.elector.run();
    await elapse(clock, 2_000);
    a.view.down = true;
    await elapse(clock, 28_000);
    assert.ok(a.events.includes('stopped@12000'), `steps down at the renew deadline: ${a.events.join(' ')}`);
    assert.equal(a.events.filter((e) => e.startsWith('started@')).length, 1, 'no second term while down');
    a.view.down = false;
    await elapse(clock, 3_000);
    assert.equal(a.events.filter((e) => e.startsWith('started@')).length, 2, `leads again: ${a.events.join(' ')}`);
    assert.equal(a.elector.isLeader(), true);
    assert.equal(a.signal?.aborted, false, 'the new term has a fresh signal');
    await a.elector.stop();
    await term;
    assert.equal(server.lease?.spec?.holderIdentity, '', 'released on stop');
  });

  it('without reelect, run() ends with the lost term', async () => {
    const server = new LeaseServer();
    const clock = new FakeClock();
    const a = candidate(server, clock, 'a');
    let ended = false;
    void a.elector.run().then(() => (ended = true));
    await elapse(clock, 2_000);
    a.view.down = true;
    await elapse(clock, 12_000);
    assert.equal(ended, true);
    a.view.down = false;
    await elapse(clock, 5_000);
    assert.equal(a.elector.isLeader(), false);
  });

  it('a leader whose requests hang still stops exactly at the renew deadline', async () => {
    const { server, clock, a } = world();
    await elapse(clock, 100);
    a.view.hang = true;
    await elapse(clock, 12_000);
    assert.deepEqual(a.events, ['leader:a', 'started@0', 'stopped@10000']);
    assert.equal(a.signal?.aborted, true);
  });

  it('a competing write that takes the Lease stops the leader at its next renewal, not at the deadline', async () => {
    const { server, clock, a } = world();
    await elapse(clock, 2_500);
    server.overwrite({ holderIdentity: 'intruder', leaseDurationSeconds: 15, renewTime: microTime(clock.now()) });
    await elapse(clock, 2_000);
    assert.deepEqual(a.events, ['leader:a', 'started@0', 'leader:intruder', 'stopped@4000']);
    assert.equal(a.signal?.aborted, true);
    assert.equal(server.lease?.spec?.holderIdentity, 'intruder', 'the loser does not write back');
    await a.elector.run();
  });

  it('a 409 on renewal re-reads and renews on the next try; leadership is kept', async () => {
    const { server, clock, a } = world();
    await elapse(clock, 100);
    a.view.conflictNext = true;
    await elapse(clock, 4_000);
    assert.equal(a.elector.isLeader(), true);
    assert.equal(server.lease?.spec?.renewTime, microTime(T0 + 4_000));
    await a.elector.stop();
  });

  it('stop() aborts the work at once and releases the Lease; the standby takes over at its next retry', async () => {
    const { server, clock, a, b } = await leaderAndStandby(5_000);
    const stopping = a.elector.stop();
    assert.equal(a.signal?.aborted, true, 'aborted synchronously');
    await stopping;
    assert.equal(server.lease?.spec?.holderIdentity, '');
    assert.equal(server.lease?.spec?.leaseDurationSeconds, 1);
    const releasedAt = clock.now() - T0;
    await elapse(clock, 2_500);
    const at = startedAt(b);
    assert.ok(at !== undefined && at - releasedAt <= 2_100, `standby took over at ${at} after release at ${releasedAt}`);
    await b.elector.stop();
  });

  it('standbyRetryMs: a standby polling every second takes a released Lease over within about a second', async () => {
    const { clock, a, b } = await leaderAndStandby(5_000, { standbyRetryMs: 1_000, random: () => 0.99 });
    await a.elector.stop();
    const releasedAt = clock.now() - T0;
    await elapse(clock, 1_500);
    const at = startedAt(b);
    assert.ok(at !== undefined && at - releasedAt <= 1_200, `standby took over at ${at} after release at ${releasedAt} (poll 1 s + 20 % jitter)`);
    await b.elector.stop();
  });

  it('a claim that lands while stopping is released too, and the work never starts', async () => {
    const server = new LeaseServer();
    const clock = new FakeClock();
    const a = candidate(server, clock, 'a');
    let open!: () => void;
    a.view.writeGate = new Promise((r) => (open = r));
    void a.elector.run();
    await elapse(clock, 100);
    const stopping = a.elector.stop();
    open();
    await stopping;
    assert.deepEqual(a.events, ['leader:a']);
    assert.equal(server.lease?.spec?.holderIdentity, '');
    assert.equal(server.lease?.spec?.leaseDurationSeconds, 1);
  });

  it('releaseOnStop false leaves the record; stop() before leading never calls onStartedLeading', async () => {
    const { server, clock, a } = world({ releaseOnStop: false });
    await elapse(clock, 100);
    await a.elector.stop();
    assert.equal(server.lease?.spec?.holderIdentity, 'a');
    const b = candidate(server, clock, 'b');
    void b.elector.run();
    await elapse(clock, 1_000);
    await b.elector.stop();
    assert.deepEqual(b.events, ['leader:a']);
  });

  it('refuses inconsistent durations', () => {
    const store = new View(new LeaseServer());
    const callbacks = { onStartedLeading: () => {} };
    assert.throws(() => new LeaderElector({ store, callbacks, leaseDurationMs: 10_000, renewDeadlineMs: 10_000 }), /leaseDuration > renewDeadline/);
    assert.throws(() => new LeaderElector({ store, callbacks, renewDeadlineMs: 2_000, retryPeriodMs: 2_000 }), /1.2/);
  });
});

describe('leader identity and times', () => {
  it('identity is the pod name or hostname plus a random suffix', () => {
    assert.match(defaultIdentity({ POD_NAME: 'op-7d9f' }), /^op-7d9f_[0-9a-f]{8}$/);
    assert.notEqual(defaultIdentity({ POD_NAME: 'p' }), defaultIdentity({ POD_NAME: 'p' }));
    assert.match(defaultIdentity({}), /^.+_[0-9a-f]{8}$/);
  });

  it('MicroTime has six fractional digits', () => {
    assert.equal(microTime(Date.UTC(2026, 0, 2, 3, 4, 5, 678)), '2026-01-02T03:04:05.678000Z');
  });
});
