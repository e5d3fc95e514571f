import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkQueue } from '../../../../runtime-kit/queue/fifo.ts';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { tick } from '../helpers.ts';

test('hands keys out first in, first out', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  q.add('b');
  q.add('c');
  assert.deepEqual([await q.get(), await q.get(), await q.get()], ['a', 'b', 'c']);
});

test('deduplicates a key added again while it waits', async () => {
  const q = new WorkQueue<string>();
  assert.equal(q.add('a'), 'queued');
  assert.equal(q.add('b'), 'queued');
  assert.equal(q.add('a'), 'duplicate');
  assert.equal(q.len(), 2);
  assert.equal(await q.get(), 'a');
  assert.equal(await q.get(), 'b');
  assert.equal(q.len(), 0);
});

test('a pending get resolves when a key is added', async () => {
  const q = new WorkQueue<string>();
  let got: string | undefined;
  void q.get().then((k) => (got = k));
  await tick();
  assert.equal(got, undefined);
  q.add('a');
  await tick();
  assert.equal(got, 'a');
});

test('never hands one key to two workers at once', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  assert.equal(await q.get(), 'a');
  assert.equal(q.add('a'), 'deferred');
  let second: string | undefined;
  void q.get().then((k) => (second = k));
  await tick();
  assert.equal(second, undefined, 'a second worker must not get the in-flight key');
  q.done('a');
  await tick();
  assert.equal(second, 'a');
});

test('re-queues a key added while it was processing after done, once', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  await q.get();
  q.add('a');
  q.add('a');
  q.add('b');
  assert.equal(q.len(), 2);
  q.done('a');
  assert.equal(await q.get(), 'b');
  assert.equal(await q.get(), 'a');
  q.done('a');
  q.done('b');
  assert.equal(q.len(), 0);
  assert.equal(q.inFlight(), 0);
});

test('a key done without re-add is not handed out again', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  await q.get();
  q.done('a');
  let got: string | undefined = 'none';
  void q.get().then((k) => (got = k));
  await tick();
  assert.equal(got, 'none');
  q.shutDown();
  await tick();
  assert.equal(got, undefined);
});

test('maxDepth refuses new keys, keeps the waiting ones and reports each refusal', async () => {
  const refused: Array<[string, number, number]> = [];
  const q = new WorkQueue<string>({ maxDepth: 2, observer: { refused: (k, d, m) => refused.push([k, d, m]) } });
  assert.equal(q.add('a'), 'queued');
  assert.equal(q.add('b'), 'queued');
  assert.equal(q.add('c'), 'refused');
  assert.equal(q.add('a'), 'duplicate', 'a waiting key is still a duplicate, not a refusal');
  assert.deepEqual(refused, [['c', 2, 2]]);
  assert.equal(q.add('d', { force: true }), 'queued', 'forced adds (retries) bypass the limit');
  assert.deepEqual([await q.get(), await q.get(), await q.get()], ['a', 'b', 'd']);
  assert.equal(q.add('c'), 'queued', 'accepts again once drained');
});

test('maxDepth 0 means unlimited', () => {
  const q = new WorkQueue<number>({ maxDepth: 0 });
  for (let i = 0; i < 5000; i++) assert.equal(q.add(i), 'queued');
  assert.equal(q.len(), 5000);
});

test('keeps FIFO order across many adds and gets (head compaction)', async () => {
  const q = new WorkQueue<number>();
  const out: number[] = [];
  for (let i = 0; i < 3000; i++) q.add(i);
  for (let i = 0; i < 2000; i++) out.push((await q.get()) as number);
  for (let i = 3000; i < 4000; i++) q.add(i);
  for (let i = 0; i < 2000; i++) out.push((await q.get()) as number);
  assert.deepEqual(out, Array.from({ length: 4000 }, (_, i) => i));
});

test('shutDown refuses adds and releases waiting getters with undefined', async () => {
  const q = new WorkQueue<string>();
  const pending = q.get();
  q.add('x');
  assert.equal(await pending, 'x');
  const waiting = q.get();
  q.shutDown();
  assert.equal(await waiting, undefined);
  assert.equal(q.add('y'), 'shutdown');
  assert.equal(await q.get(), undefined);
  assert.equal(q.shuttingDown(), true);
});

test('shutDown stops handing out keys that were waiting', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  q.add('b');
  q.shutDown();
  assert.equal(await q.get(), undefined);
  assert.equal(q.len(), 0);
});

test('shutDownWithDrain resolves only after in-flight keys are done', async () => {
  const q = new WorkQueue<string>();
  q.add('a');
  q.add('b');
  await q.get();
  await q.get();
  let drained: boolean | undefined;
  void q.shutDownWithDrain().then((d) => (drained = d));
  await tick();
  assert.equal(drained, undefined);
  q.done('a');
  await tick();
  assert.equal(drained, undefined);
  q.done('b');
  await tick();
  assert.equal(drained, true);
});

test('shutDownWithDrain gives up after its timeout on the clock', async () => {
  const clock = new FakeClock();
  const q = new WorkQueue<string>({ clock });
  q.add('a');
  await q.get();
  let drained: boolean | undefined;
  void q.shutDownWithDrain(1000).then((d) => (drained = d));
  clock.advance(999);
  await tick();
  assert.equal(drained, undefined);
  clock.advance(1);
  await tick();
  assert.equal(drained, false);
});

test('shutDownWithDrain with nothing in flight resolves at once', async () => {
  const q = new WorkQueue<string>();
  assert.equal(await q.shutDownWithDrain(), true);
});

test('observer sees adds and depth changes', async () => {
  const depths: number[] = [];
  let adds = 0;
  const q = new WorkQueue<string>({ observer: { added: () => adds++, depth: (n) => depths.push(n) } });
  q.add('a');
  q.add('a');
  q.add('b');
  await q.get();
  assert.equal(adds, 2);
  assert.deepEqual(depths, [1, 2, 1]);
});
