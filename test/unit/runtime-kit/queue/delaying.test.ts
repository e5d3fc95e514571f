import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { WorkQueue } from '../../../../runtime-kit/queue/fifo.ts';
import { DelayingWorkQueue } from '../../../../runtime-kit/queue/delaying.ts';

function setup(maxDepth = 0) {
  const clock = new FakeClock();
  const fifo = new WorkQueue<string>({ maxDepth });
  return { clock, fifo, q: new DelayingWorkQueue(fifo, clock) };
}

test('addAfter adds the key only when the delay has passed', () => {
  const { clock, q } = setup();
  q.addAfter('a', 100);
  assert.equal(q.len(), 0);
  assert.equal(q.delayed(), 1);
  clock.advance(99);
  assert.equal(q.len(), 0);
  clock.advance(1);
  assert.equal(q.len(), 1);
  assert.equal(q.delayed(), 0);
});

test('delayed keys come out in due-time order, ties in call order', async () => {
  const { clock, q } = setup();
  q.addAfter('c', 30);
  q.addAfter('a', 10);
  q.addAfter('b', 20);
  q.addAfter('b2', 20);
  clock.advance(100);
  const out = [await q.get(), await q.get(), await q.get(), await q.get()];
  assert.deepEqual(out, ['a', 'b', 'b2', 'c']);
});

test('a second addAfter for a held key keeps the earlier due time', () => {
  const { clock, q } = setup();
  q.addAfter('a', 100);
  q.addAfter('a', 500);
  assert.equal(q.delayed(), 1);
  clock.advance(100);
  assert.equal(q.len(), 1);
  q.addAfter('b', 500);
  q.addAfter('b', 50);
  clock.advance(50);
  assert.equal(q.len(), 2);
  assert.equal(clock.pending(), 0, 'no stray timers remain');
});

test('keeps one clock timer armed, for the earliest key', () => {
  const { clock, q } = setup();
  q.addAfter('a', 300);
  q.addAfter('b', 200);
  q.addAfter('c', 100);
  assert.equal(clock.pending(), 1);
  assert.equal(clock.nextDue(), clock.now() + 100);
});

test('addAfter with no delay adds at once', () => {
  const { q } = setup();
  q.addAfter('a', 0);
  assert.equal(q.len(), 1);
});

test('addAfter of a key already waiting is ignored', () => {
  const { clock, q } = setup();
  q.add('a');
  q.addAfter('a', 100);
  assert.equal(q.delayed(), 0);
  assert.equal(clock.pending(), 0);
});

test('addAfter of an in-flight key re-adds it when due', async () => {
  const { clock, q } = setup();
  q.add('a');
  assert.equal(await q.get(), 'a');
  q.addAfter('a', 10);
  q.done('a');
  assert.equal(q.len(), 0);
  clock.advance(10);
  assert.equal(await q.get(), 'a');
});

test('due keys bypass maxDepth: a requeue is never refused', () => {
  const { clock, q } = setup(1);
  q.add('a');
  assert.equal(q.add('b'), 'refused');
  q.addAfter('c', 10);
  clock.advance(10);
  assert.equal(q.len(), 2);
});

test('shutDown cancels held keys and their timer', () => {
  const { clock, q } = setup();
  q.addAfter('a', 10);
  q.shutDown();
  assert.equal(q.delayed(), 0);
  assert.equal(clock.pending(), 0);
  q.addAfter('b', 10);
  clock.advance(100);
  assert.equal(q.len(), 0);
});
