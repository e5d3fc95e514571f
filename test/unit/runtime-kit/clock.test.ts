import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock, realClock, sleep } from '../../../runtime-kit/clock.ts';

test('FakeClock fires due timers in time order, ties in scheduling order, with now at each due time', () => {
  const c = new FakeClock(1000);
  const fired: Array<[string, number]> = [];
  c.after(30, () => fired.push(['c', c.now()]));
  c.after(10, () => fired.push(['a', c.now()]));
  c.after(10, () => fired.push(['a2', c.now()]));
  c.after(50, () => fired.push(['late', c.now()]));
  c.advance(30);
  assert.deepEqual(fired, [['a', 1010], ['a2', 1010], ['c', 1030]]);
  assert.equal(c.now(), 1030);
  assert.equal(c.pending(), 1);
});

test('FakeClock fires timers scheduled by a firing callback when they fall in the window', () => {
  const c = new FakeClock(0);
  const fired: number[] = [];
  c.after(10, () => c.after(10, () => fired.push(c.now())));
  c.advance(25);
  assert.deepEqual(fired, [20]);
  assert.equal(c.now(), 25);
});

test('a cancelled timer never fires', () => {
  const c = new FakeClock(0);
  let fired = false;
  const t = c.after(5, () => (fired = true));
  t.cancel();
  c.advance(10);
  assert.equal(fired, false);
  assert.equal(c.pending(), 0);
  assert.equal(c.nextDue(), undefined);
});

test('sleep resolves when the clock reaches the time', async () => {
  const c = new FakeClock(0);
  let done = false;
  const p = sleep(c, 100).then(() => (done = true));
  c.advance(99);
  await Promise.resolve();
  assert.equal(done, false);
  c.advance(1);
  await p;
  assert.equal(done, true);
});

test('realClock timers can be cancelled', async () => {
  let fired = false;
  realClock.after(1, () => (fired = true)).cancel();
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(fired, false);
});
