import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { createWorkQueue } from '../../../../runtime-kit/queue/create.ts';

test('addRateLimited re-adds after the per-item backoff', async () => {
  const clock = new FakeClock();
  const q = createWorkQueue<string>({ clock });
  q.add('a');
  await q.get();
  assert.equal(q.addRateLimited('a'), true);
  q.done('a');
  clock.advance(4);
  assert.equal(q.len(), 0);
  clock.advance(1);
  assert.equal(await q.get(), 'a');
  q.addRateLimited('a');
  q.done('a');
  clock.advance(9);
  assert.equal(q.len(), 0);
  clock.advance(1);
  assert.equal(q.len(), 1);
  assert.equal(q.numRequeues('a'), 2);
});

test('forget starts the backoff over', async () => {
  const clock = new FakeClock();
  const q = createWorkQueue<string>({ clock });
  q.addRateLimited('a');
  q.addRateLimited('a');
  q.forget('a');
  assert.equal(q.numRequeues('a'), 0);
  clock.advance(10);
  await q.get();
  q.addRateLimited('a');
  q.done('a');
  clock.advance(5);
  assert.equal(q.len(), 1);
});

test('maxAttempts gives the key up and reports it', () => {
  const clock = new FakeClock();
  const gaveUp: Array<[string, number]> = [];
  const q = createWorkQueue<string>({ clock, retryBackoff: { maxAttempts: 2 }, observer: { gaveUp: (k, n) => gaveUp.push([k, n]) } });
  assert.equal(q.addRateLimited('a'), true);
  assert.equal(q.addRateLimited('a'), true);
  assert.equal(q.addRateLimited('a'), false);
  assert.deepEqual(gaveUp, [['a', 2]]);
  assert.equal(q.numRequeues('a'), 0, 'history is cleared so a later event starts fresh');
});

test('retries are reported with attempt number and delay', () => {
  const retried: Array<[string, number, number]> = [];
  const q = createWorkQueue<string>({ clock: new FakeClock(), observer: { retried: (k, a, d) => retried.push([k, a, d]) } });
  q.addRateLimited('a');
  q.addRateLimited('a');
  assert.deepEqual(retried, [['a', 1, 5], ['a', 2, 10]]);
});

test('no retries are scheduled after shutdown', () => {
  const clock = new FakeClock();
  const q = createWorkQueue<string>({ clock });
  q.shutDown();
  assert.equal(q.addRateLimited('a'), false);
  assert.equal(clock.pending(), 0);
});
