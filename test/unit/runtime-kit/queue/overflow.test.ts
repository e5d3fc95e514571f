/** OverflowParking: keys a full queue refused come back, oldest first, once there is room; none starves. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkQueue } from '../../../../runtime-kit/queue/fifo.ts';
import { OverflowParking } from '../../../../runtime-kit/queue/overflow.ts';

test('a refused key is parked once and admitted, oldest first, when a worker frees room', async () => {
  const refusals: string[] = [];
  const q = new WorkQueue<string>({ maxDepth: 2, observer: { refused: (k) => refusals.push(k) } });
  const p = new OverflowParking(q, 2);
  assert.equal(p.offer('a'), 'queued');
  assert.equal(p.offer('b'), 'queued');
  assert.equal(p.offer('c'), 'refused');
  assert.equal(p.offer('d'), 'refused');
  assert.equal(p.offer('c'), 'refused', 'already parked: not offered to the queue again');
  assert.deepEqual(refusals, ['c', 'd'], 'every refusal reported once; c offered again while parked is not a new refusal');
  assert.equal(p.size, 2);
  const first = await q.get();
  q.done(first!);
  p.readmit();
  assert.equal(p.size, 1);
  const got = [await q.get(), await q.get()];
  assert.deepEqual(got, ['b', 'c'], 'c (parked first) comes right after the keys already waiting');
  p.readmit();
  assert.equal(await q.get(), 'd');
  assert.equal(p.size, 0);
});

test('steady pressure in a fixed order (like a resync) cannot starve the later keys', async () => {
  const q = new WorkQueue<number>({ maxDepth: 5 });
  const p = new OverflowParking(q, 5);
  const processed = new Set<number>();
  for (let round = 0; round < 12 && processed.size < 50; round++) {
    for (let k = 0; k < 50; k++) p.offer(k); // every object re-delivered in the same order
    for (let i = 0; i < 5; i++) {
      const k = (await q.get())!;
      processed.add(k);
      q.done(k);
      p.readmit();
    }
  }
  assert.equal(processed.size, 50, `all keys processed within 12 rounds of 5 (got ${processed.size})`);
});

test('maxDepth 0 never parks; a shut-down queue clears the parking', () => {
  const q = new WorkQueue<string>({ maxDepth: 0 });
  const p = new OverflowParking(q, 0);
  for (let i = 0; i < 100; i++) assert.equal(p.offer(`k${i}`), 'queued');
  assert.equal(p.size, 0);
  const full = new WorkQueue<string>({ maxDepth: 1 });
  const pf = new OverflowParking(full, 1);
  pf.offer('a');
  pf.offer('b');
  assert.equal(pf.size, 1);
  full.shutDown();
  pf.readmit();
  assert.equal(pf.size, 0);
});
