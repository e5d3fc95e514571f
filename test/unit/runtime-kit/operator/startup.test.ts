/**
 * startInOrder: a CRD still draining from the old term is not started twice; a CRD starts the
 * moment its informers sync (not on the next 1 s re-check); health gates still re-check periodically.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nullLogger } from '../../../../runtime-kit/log/logger.ts';
import type { CrdRuntime } from '../../../../runtime-kit/operator/crd-runtime.ts';
import { startInOrder } from '../../../../runtime-kit/operator/startup.ts';

/**
 * A runtime whose stop() drains until `finishDrain()`; counts concurrent pools. `opts.synced`
 * false: not synced until `markSynced()`; `dependsOn` and `healthy` drive the dependency gates.
 */
function fakeRuntime(name: string, opts: { synced?: boolean; dependsOn?: { name: string; condition: string }[]; healthy?: boolean } = {}) {
  let synced = opts.synced ?? true;
  const syncWaiters: ((ok: boolean) => void)[] = [];
  let healthy = opts.healthy ?? true;
  let startedAt: number | undefined;
  let pools = 0;
  let maxPools = 0;
  let running = false;
  let finish: (() => void) | undefined;
  const rt = {
    spec: { name, dependsOn: opts.dependsOn ?? [] },
    health: { snapshot: () => ({ state: healthy ? 'healthy' : 'degraded' }) },
    synced: () => synced,
    waitForSync: (signal?: AbortSignal) =>
      synced
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            syncWaiters.push(resolve);
            signal?.addEventListener('abort', () => resolve(false), { once: true });
          }),
    get running() {
      return running;
    },
    start() {
      startedAt ??= performance.now();
      running = true;
      pools++;
      maxPools = Math.max(maxPools, pools);
    },
    async stop() {
      if (!running) return true;
      running = false; // like CrdRuntime: not "running" from the first moment of stop()
      await new Promise<void>((r) => (finish = r));
      pools--;
      return true;
    },
  };
  return {
    rt: rt as unknown as CrdRuntime,
    finishDrain: () => finish?.(),
    pools: () => pools,
    maxPools: () => maxPools,
    isRunning: () => running,
    startedAt: () => startedAt,
    markSynced: () => {
      synced = true;
      for (const w of syncWaiters.splice(0)) w(true);
    },
    setHealthy: (h: boolean) => void (healthy = h),
  };
}

test('a new term starts a CRD only after the old term finished draining it', async () => {
  const a = fakeRuntime('a');
  const b = fakeRuntime('b');
  const term1 = new AbortController();
  startInOrder([a.rt, b.rt], term1.signal, nullLogger, 1_000);
  assert.equal(a.isRunning() && b.isRunning(), true);
  term1.abort(); // leadership lost: stop() begins (b first, in reverse order)
  const term2 = new AbortController();
  const stop2 = startInOrder([a.rt, b.rt], term2.signal, nullLogger, 1_000); // re-elected at once
  assert.equal(a.maxPools(), 1, 'a (still running in term 1, waiting for b to drain) was not started again');
  assert.equal(b.maxPools(), 1, 'b (draining) was not started again');
  b.finishDrain();
  await new Promise((r) => setTimeout(r, 10));
  a.finishDrain();
  await new Promise((r) => setTimeout(r, 50)); // the drain's end (not the 1 s re-check) starts them in term 2
  assert.equal(a.isRunning() && b.isRunning(), true, 'both started in term 2 right after the drain');
  assert.equal(a.maxPools(), 1);
  assert.equal(b.maxPools(), 1);
  term2.abort(); // stops b, then a
  b.finishDrain();
  await new Promise((r) => setTimeout(r, 10));
  a.finishDrain();
  await stop2();
});

test('a CRD whose caches sync after the Lease was won starts at once, not on the next 1 s re-check', async (t) => {
  const a = fakeRuntime('a', { synced: false });
  const b = fakeRuntime('b', { synced: false, dependsOn: [{ name: 'a', condition: 'started' }] });
  const term = new AbortController();
  const stop = startInOrder([a.rt, b.rt], term.signal, nullLogger, 1_000);
  assert.equal(a.isRunning() || b.isRunning(), false, 'not synced: nothing starts');
  await new Promise((r) => setTimeout(r, 100)); // the leader won ~100 ms before the caches synced
  const syncedAt = performance.now();
  a.markSynced();
  b.markSynced();
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(a.isRunning() && b.isRunning(), true, 'both started within 50 ms of the sync (b right after a, its dependency)');
  t.diagnostic(`sync → start: a ${((a.startedAt() ?? NaN) - syncedAt).toFixed(1)} ms, b ${((b.startedAt() ?? NaN) - syncedAt).toFixed(1)} ms`);
  await stopBoth(term, stop, a, b);
});

test('a sync after the term ended starts nothing', async () => {
  const a = fakeRuntime('a', { synced: false });
  const term = new AbortController();
  const stop = startInOrder([a.rt], term.signal, nullLogger, 1_000);
  term.abort();
  await stop();
  a.markSynced();
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(a.isRunning(), false);
});

test('a healthy gate is still re-checked periodically (the safety net)', async () => {
  const a = fakeRuntime('a', { healthy: false });
  const b = fakeRuntime('b', { dependsOn: [{ name: 'a', condition: 'healthy' }] });
  const term = new AbortController();
  const stop = startInOrder([a.rt, b.rt], term.signal, nullLogger, 1_000);
  assert.equal(a.isRunning(), true);
  assert.equal(b.isRunning(), false, 'a is not healthy yet');
  a.setHealthy(true);
  await new Promise((r) => setTimeout(r, 1_200));
  assert.equal(b.isRunning(), true, 'the 1 s re-check saw a healthy and started b');
  await stopBoth(term, stop, a, b);
});

/** Ends the term and lets b, then a drain (the reverse order stop() waits in). */
async function stopBoth(term: AbortController, stop: () => Promise<void>, a: ReturnType<typeof fakeRuntime>, b: ReturnType<typeof fakeRuntime>): Promise<void> {
  term.abort();
  b.finishDrain();
  await new Promise((r) => setTimeout(r, 10));
  a.finishDrain();
  await stop();
}
