import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { createWorkQueue } from '../../../../runtime-kit/queue/create.ts';
import type { WorkReport } from '../../../../runtime-kit/queue/worker-pool.ts';
import { startWorkers } from '../../../../runtime-kit/queue/worker-pool.ts';
import type { Deferred } from '../helpers.ts';
import { deferred, tick, until } from '../helpers.ts';

/** A handler whose runs the test completes by hand. */
function manualHandler() {
  const runs: Array<{ key: string; d: Deferred<{ requeueAfterMs?: number } | void> }> = [];
  let running = 0;
  let maxRunningPerKey = 0;
  const perKey = new Map<string, number>();
  const handler = async (key: string) => {
    running++;
    const n = (perKey.get(key) ?? 0) + 1;
    perKey.set(key, n);
    maxRunningPerKey = Math.max(maxRunningPerKey, n);
    const d = deferred<{ requeueAfterMs?: number } | void>();
    runs.push({ key, d });
    try {
      return await d.promise;
    } finally {
      running--;
      perKey.set(key, (perKey.get(key) ?? 1) - 1);
    }
  };
  return { runs, handler, running: () => running, maxRunningPerKey: () => maxRunningPerKey };
}

test('runs up to N keys concurrently', async () => {
  const q = createWorkQueue<string>({ clock: new FakeClock() });
  const h = manualHandler();
  const pool = startWorkers({ queue: q, handler: h.handler, workers: 3 });
  for (const k of ['a', 'b', 'c', 'd', 'e']) q.add(k);
  await until(() => h.runs.length === 3);
  await tick();
  assert.equal(h.running(), 3);
  assert.equal(pool.busy(), 3);
  h.runs[0]?.d.resolve();
  await until(() => h.runs.length === 4);
  assert.deepEqual(h.runs.map((r) => r.key), ['a', 'b', 'c', 'd']);
  for (const r of h.runs) r.d.resolve();
  await until(() => h.runs.length === 5);
  h.runs[4]?.d.resolve();
  assert.equal(await pool.stop(), true);
});

test('defaults to 3 workers and never fewer than 1', () => {
  const q = createWorkQueue<string>();
  const a = startWorkers({ queue: q, handler: async () => {} });
  const b = startWorkers({ queue: createWorkQueue<string>(), handler: async () => {}, workers: 0 });
  assert.equal(a.size(), 3);
  assert.equal(b.size(), 1);
  void a.stop();
  void b.stop();
});

test('a key re-added while in flight is not run by a second worker until the first finishes', async () => {
  const q = createWorkQueue<string>({ clock: new FakeClock() });
  const h = manualHandler();
  const pool = startWorkers({ queue: q, handler: h.handler, workers: 4 });
  q.add('a');
  await until(() => h.runs.length === 1);
  q.add('a');
  q.add('a');
  for (let i = 0; i < 20; i++) await tick();
  assert.equal(h.runs.length, 1, 'idle workers must not pick up the in-flight key');
  h.runs[0]?.d.resolve();
  await until(() => h.runs.length === 2);
  assert.equal(h.runs[1]?.key, 'a');
  assert.equal(h.maxRunningPerKey(), 1);
  h.runs[1]?.d.resolve();
  assert.equal(await pool.stop(), true);
});

test('a failing key is retried after the exponential backoff, then forgotten on success', async () => {
  const clock = new FakeClock();
  const q = createWorkQueue<string>({ clock });
  const reports: WorkReport<string>[] = [];
  const tries: number[] = [];
  let fail = 2;
  const pool = startWorkers({
    queue: q,
    clock,
    workers: 1,
    handler: async (_k, ctx) => {
      tries.push(ctx.retries);
      if (fail-- > 0) throw new Error('boom');
    },
    onResult: (r) => reports.push(r),
  });
  q.add('a');
  await until(() => reports.length === 1);
  assert.equal(reports[0]?.outcome, 'error');
  assert.equal(reports[0]?.retryScheduled, true);
  clock.advance(4);
  await tick();
  assert.equal(reports.length, 1, 'not retried before 5 ms');
  clock.advance(1);
  await until(() => reports.length === 2);
  clock.advance(10);
  await until(() => reports.length === 3);
  assert.deepEqual(reports.map((r) => r.outcome), ['error', 'error', 'success']);
  assert.deepEqual(tries, [0, 1, 2]);
  assert.equal(q.numRequeues('a'), 0);
  assert.equal(await pool.stop(), true);
});

test('requeueAfterMs runs the key again after that long', async () => {
  const clock = new FakeClock();
  const q = createWorkQueue<string>({ clock });
  let runs = 0;
  const pool = startWorkers({ queue: q, clock, workers: 1, handler: async () => (++runs === 1 ? { requeueAfterMs: 30_000 } : undefined) });
  q.add('a');
  await until(() => runs === 1);
  await tick();
  clock.advance(29_999);
  await tick();
  assert.equal(runs, 1);
  clock.advance(1);
  await until(() => runs === 2);
  assert.equal(await pool.stop(), true);
});

test('reconcile ids are unique per run and carry the prefix', async () => {
  const q = createWorkQueue<string>({ clock: new FakeClock() });
  const ids: string[] = [];
  const pool = startWorkers({ queue: q, workers: 2, idPrefix: 'web', handler: async (_k, ctx) => void ids.push(ctx.reconcileId) });
  q.add('a');
  q.add('b');
  q.add('c');
  await until(() => ids.length === 3);
  assert.equal(new Set(ids).size, 3);
  assert.ok(ids.every((id) => id.startsWith('web-')));
  await pool.stop();
});

test('stop lets in-flight runs finish and starts no waiting key', async () => {
  const q = createWorkQueue<string>({ clock: new FakeClock() });
  const h = manualHandler();
  const reports: WorkReport<string>[] = [];
  const pool = startWorkers({ queue: q, handler: h.handler, workers: 2, onResult: (r) => reports.push(r) });
  for (const k of ['a', 'b', 'c']) q.add(k);
  await until(() => h.runs.length === 2);
  let stopped: boolean | undefined;
  void pool.stop().then((s) => (stopped = s));
  await tick();
  assert.equal(stopped, undefined, 'stop waits for in-flight runs');
  h.runs[0]?.d.resolve();
  await tick();
  assert.equal(stopped, undefined);
  h.runs[1]?.d.resolve();
  await until(() => stopped !== undefined);
  assert.equal(stopped, true);
  assert.deepEqual(reports.map((r) => [r.item, r.outcome]), [['a', 'success'], ['b', 'success']]);
  assert.equal(h.runs.length, 2, 'the waiting key c was not started');
});

test('stop with a drain timeout returns false when a run outlives it', async () => {
  const clock = new FakeClock();
  const q = createWorkQueue<string>({ clock });
  const h = manualHandler();
  const pool = startWorkers({ queue: q, handler: h.handler, workers: 1, clock });
  q.add('a');
  await until(() => h.runs.length === 1);
  let stopped: boolean | undefined;
  void pool.stop(5000).then((s) => (stopped = s));
  clock.advance(5000);
  await until(() => stopped !== undefined);
  assert.equal(stopped, false);
  h.runs[0]?.d.resolve();
});

test('busy worker count is reported as it changes', async () => {
  const q = createWorkQueue<string>({ clock: new FakeClock() });
  const seen: number[] = [];
  const h = manualHandler();
  const pool = startWorkers({ queue: q, handler: h.handler, workers: 2, onActive: (n) => seen.push(n) });
  q.add('a');
  q.add('b');
  await until(() => h.runs.length === 2);
  h.runs[0]?.d.resolve();
  h.runs[1]?.d.resolve();
  await pool.stop();
  assert.deepEqual(seen, [1, 2, 1, 0]);
});

test('workers yield to the event loop between keys: I/O callbacks run while a full queue of no-op keys drains', async () => {
  const q = createWorkQueue<string>({ clock: new FakeClock() });
  let done = 0;
  const pool = startWorkers({ queue: q, handler: async () => void done++, workers: 3 });
  for (let i = 0; i < 1_000; i++) q.add(`k${i}`);
  // what a /metrics request or a watch event is to the operator: a callback from the event loop
  const seenAt = await new Promise<number>((resolve) => setImmediate(() => resolve(done)));
  assert.ok(seenAt < 1_000, `the event loop ran after ${seenAt} of 1,000 keys, not only once the queue was empty`);
  await until(() => done === 1_000);
  assert.equal(await pool.stop(), true);
});
