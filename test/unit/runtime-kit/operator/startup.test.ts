/** startInOrder across leadership terms: a CRD still draining from the old term is not started twice. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nullLogger } from '../../../../runtime-kit/log/logger.ts';
import type { CrdRuntime } from '../../../../runtime-kit/operator/crd-runtime.ts';
import { startInOrder } from '../../../../runtime-kit/operator/startup.ts';

/** A runtime whose stop() drains until `finishDrain()`; counts concurrent pools. */
function fakeRuntime(name: string) {
  let pools = 0;
  let maxPools = 0;
  let running = false;
  let finish: (() => void) | undefined;
  const rt = {
    spec: { name, dependsOn: [] },
    health: { snapshot: () => ({ state: 'healthy' }) },
    synced: () => true,
    get running() {
      return running;
    },
    start() {
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
  return { rt: rt as unknown as CrdRuntime, finishDrain: () => finish?.(), pools: () => pools, maxPools: () => maxPools, isRunning: () => running };
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
  await new Promise((r) => setTimeout(r, 1_200)); // the retry tick (1 s) starts them in term 2
  assert.equal(a.isRunning() && b.isRunning(), true, 'both started in term 2 after the drain');
  assert.equal(a.maxPools(), 1);
  assert.equal(b.maxPools(), 1);
  term2.abort(); // stops b, then a
  b.finishDrain();
  await new Promise((r) => setTimeout(r, 10));
  a.finishDrain();
  await stop2();
});
