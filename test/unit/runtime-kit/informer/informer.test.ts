import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { GoneError, ServerError, TooManyRequestsError, TransportError } from '../../../../runtime-kit/client/errors.ts';
import type { InformerOptions } from '../../../../runtime-kit/informer/informer.ts';
import { Informer } from '../../../../runtime-kit/informer/informer.ts';
import { until } from '../helpers.ts';
import type { Obj } from './fake-source.ts';
import { FakeSource, obj } from './fake-source.ts';

type Seen = Array<[string, ...unknown[]]>;

function setup(opts: InformerOptions<Obj> = {}) {
  const clock = new FakeClock();
  const src = new FakeSource<Obj>();
  const inf = new Informer<Obj>({ listerWatcher: src }, { clock, random: () => 0.5, ...opts });
  const seen: Seen = [];
  inf.addEventHandler({
    onAdd: (o, initial) => seen.push(['add', o.metadata.name, initial]),
    onUpdate: (a, b) => seen.push(['update', a.metadata.name, a.metadata.resourceVersion, b.metadata.resourceVersion]),
    onDelete: (o, unknown) => seen.push(['delete', o.metadata.name, unknown]),
  });
  return { clock, src, inf, seen };
}

const gone = () => new GoneError(410, { reason: 'Expired', message: 'too old resource version' });

describe('Informer list and watch', () => {
  it('lists in pages, syncs, then watches from the list version with a 5–10 min server timeout', async () => {
    const { src, inf, seen } = setup({ pageSize: 2 });
    for (const n of ['a', 'b', 'c', 'd', 'e']) src.put(obj(n));
    inf.start();
    assert.equal(await inf.waitForSync(), true);
    assert.deepEqual(src.lists, [{ limit: 2 }, { limit: 2, continue: '105:2' }, { limit: 2, continue: '105:4' }]);
    assert.deepEqual(seen, ['a', 'b', 'c', 'd', 'e'].map((n) => ['add', n, true]));
    await until(() => src.watches.length === 1);
    assert.equal(src.watch0.opts.resourceVersion, '105');
    assert.equal(src.watch0.opts.timeoutSeconds, 450, 'min 300 s × (1 + random 0.5)');
    assert.equal(inf.stats.pages, 3);
    await inf.stop();
  });

  it('delivers add, update with old and new, and delete; caches without managedFields', async () => {
    const { src, inf, seen } = setup();
    inf.start();
    await until(() => src.watches.length === 1);
    src.watch0.push({ type: 'ADDED', object: { ...obj('x', { resourceVersion: '7', managedFields: [{ manager: 'kubectl' }] }) } });
    src.watch0.push({ type: 'MODIFIED', object: obj('x', { resourceVersion: '8', managedFields: [{ manager: 'kubectl' }] }, { k: 'v' }) });
    src.watch0.push({ type: 'DELETED', object: obj('x', { resourceVersion: '9' }) });
    src.watch0.push({ type: 'ADDED', object: obj('y', { resourceVersion: '10', managedFields: [] }) });
    await until(() => seen.length === 4);
    assert.deepEqual(seen, [['add', 'x', false], ['update', 'x', '7', '8'], ['delete', 'x', false], ['add', 'y', false]]);
    assert.equal(inf.cache.get('ns/x'), undefined);
    assert.equal(inf.cache.get('ns/y')?.metadata.managedFields, undefined);
    assert.equal(inf.resourceVersion, '10');
    await inf.stop();
  });

  it('bookmarks move the resourceVersion without events; the next watch resumes from it', async () => {
    const { src, inf, seen, clock } = setup({ healthyAfterMs: 1000 });
    inf.start();
    await until(() => src.watches.length === 1);
    src.watch0.push({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '555' } } as Obj });
    await until(() => inf.resourceVersion === '555');
    assert.equal(inf.stats.bookmarks, 1);
    assert.deepEqual(seen, []);
    // the session stayed open past healthyAfterMs and ends cleanly: reconnect at once, from the bookmark
    clock.advance(2000);
    src.watch0.end();
    await until(() => src.watches.length === 2);
    assert.equal(src.watch0.opts.resourceVersion, '555');
    assert.deepEqual(inf.stats.backoffs, []);
    assert.equal(src.lists.length, 1);
    await inf.stop();
  });

  it('relists after 410 Gone: gap changes become add/update/delete, deletes flagged final-state-unknown', async () => {
    const { src, inf, seen } = setup();
    src.put(obj('keep'));
    src.put(obj('change'));
    src.put(obj('remove'));
    inf.start();
    await until(() => src.watches.length === 1);
    seen.length = 0;
    // changes the watch never sees
    src.put(obj('change', {}, { v: '2' }));
    src.objects.delete('ns/remove');
    src.put(obj('new'));
    src.watch0.fail(gone());
    await until(() => src.lists.length === 2 && src.watches.length === 2);
    assert.deepEqual(seen, [['update', 'change', '102', '104'], ['add', 'new', false], ['delete', 'remove', true]]);
    assert.equal(src.watch0.opts.resourceVersion, '105');
    assert.equal(inf.stats.relistsAfterGone, 1);
    assert.deepEqual(inf.stats.backoffs, [], 'the first 410 relists at once');
    assert.deepEqual(inf.cache.keys().sort(), ['ns/change', 'ns/keep', 'ns/new']);
    await inf.stop();
  });

  it('a 410 that repeats quickly backs off before the next relist', async () => {
    const { src, inf, clock } = setup();
    inf.start();
    await until(() => src.watches.length === 1);
    src.watch0.fail(gone());
    await until(() => src.watches.length === 2);
    src.watch0.fail(gone());
    await until(() => inf.stats.relistsAfterGone === 2);
    assert.deepEqual(inf.stats.backoffs, [600]);
    assert.equal(src.lists.length, 2, 'no relist before the backoff');
    clock.advance(600);
    await until(() => src.lists.length === 3 && src.watches.length === 3);
    await inf.stop();
  });

  it('reconnect waits follow capped exponential backoff with jitter, without relisting; a healthy watch resets it', async () => {
    const { src, inf, clock } = setup();
    inf.start();
    await until(() => src.watches.length === 1);
    src.watchErrors.push(...Array.from({ length: 8 }, () => new TransportError('refused', 'ECONNREFUSED')));
    src.watch0.fail(new TransportError('reset', 'ECONNRESET'));
    for (let i = 2; i <= 10; i++) {
      await until(() => inf.stats.backoffs.length === i - 1);
      clock.advance(inf.stats.backoffs.at(-1) ?? 0);
      await until(() => src.watches.length === i);
    }
    // random 0.5 → ¾ of the ceiling: 800 ms doubling, capped at 30 s
    assert.deepEqual(inf.stats.backoffs, [600, 1200, 2400, 4800, 9600, 19200, 22500, 22500, 22500]);
    assert.equal(src.lists.length, 1, 'reconnects resume the watch, no relist');
    assert.equal(src.watch0.opts.resourceVersion, '100');
    // watch 10 stays open 31 s (healthy), then breaks: the wait starts over from the initial ceiling
    clock.advance(31_000);
    src.watch0.fail(new ServerError(500, { message: 'boom' }));
    await until(() => inf.stats.backoffs.length === 10);
    assert.equal(inf.stats.backoffs.at(-1), 600);
    await inf.stop();
  });

  it('a 429 with Retry-After waits at least that long before the next watch', async () => {
    const { src, inf } = setup();
    inf.start();
    await until(() => src.watches.length === 1);
    src.watch0.fail(new TooManyRequestsError(429, { message: 'slow down' }, 5_000));
    await until(() => inf.stats.backoffs.length === 1);
    assert.deepEqual(inf.stats.backoffs, [5_000]);
    await inf.stop();
  });

  it('a watch that ends cleanly but quickly backs off (no hot loop); one that lived long reconnects at once', async () => {
    const { src, inf, clock } = setup();
    inf.start();
    await until(() => src.watches.length === 1);
    src.watch0.end();
    await until(() => inf.stats.backoffs.length === 1);
    assert.equal(src.watches.length, 1);
    clock.advance(600);
    await until(() => src.watches.length === 2);
    clock.advance(31_000);
    src.watch0.end();
    await until(() => src.watches.length === 3);
    assert.equal(inf.stats.backoffs.length, 1);
    await inf.stop();
  });

  it('a watch silent past its server timeout plus slack is aborted by the client watchdog and reopened', async () => {
    const { src, inf, clock } = setup({ watchdogSlackMs: 30_000 });
    inf.start();
    await until(() => src.watches.length === 1);
    clock.advance(450_000 + 29_999);
    await until(() => true);
    assert.equal(src.watch0.signal.aborted, false);
    clock.advance(1);
    await until(() => src.watches.length === 2);
    assert.equal(src.watches[0]?.signal.aborted, true);
    assert.deepEqual(inf.stats.backoffs, [], 'a session that lived its full timeout is healthy');
    await inf.stop();
  });

  it('a list failure is retried with backoff and nothing is synced meanwhile', async () => {
    const { src, inf, clock } = setup();
    src.listErrors.push(new ServerError(503, { message: 'unavailable' }));
    inf.start();
    await until(() => inf.stats.backoffs.length === 1);
    assert.equal(inf.hasSynced(), false);
    clock.advance(600);
    assert.equal(await inf.waitForSync(), true);
    await inf.stop();
  });

  it('an expired continue token falls back to one unpaginated list', async () => {
    const { src, inf } = setup({ pageSize: 1 });
    src.put(obj('a'));
    src.put(obj('b'));
    const list = src.list.bind(src);
    let calls = 0;
    src.list = async (o) => {
      if (++calls === 2) throw gone();
      return list(o);
    };
    inf.start();
    assert.equal(await inf.waitForSync(), true);
    assert.deepEqual(src.lists, [{ limit: 1 }, { limit: 0 }]);
    assert.equal(inf.cache.size, 2);
    await inf.stop();
  });
});

describe('Informer resync, handlers, indexes and stop', () => {
  it('resync re-delivers every cached object as an update on each tick of the injected clock', async () => {
    const { src, inf, seen, clock } = setup({ resyncMs: 30_000 });
    src.put(obj('a'));
    src.put(obj('b'));
    inf.start();
    await inf.waitForSync();
    seen.length = 0;
    clock.advance(29_999);
    assert.deepEqual(seen, []);
    clock.advance(1);
    assert.deepEqual(seen, [['update', 'a', '101', '101'], ['update', 'b', '102', '102']]);
    clock.advance(30_000);
    assert.equal(seen.length, 4);
    await inf.stop();
    clock.advance(60_000);
    assert.equal(seen.length, 4, 'no resync after stop');
  });

  it('resyncMs 0 never resyncs', async () => {
    const { src, inf, seen, clock } = setup({ resyncMs: 0 });
    src.put(obj('a'));
    inf.start();
    await inf.waitForSync();
    clock.advance(3_600_000);
    assert.deepEqual(seen, [['add', 'a', true]]);
    await inf.stop();
  });

  it('a late handler gets the cache as initial adds; a throwing handler does not stop the others', async () => {
    const { src, inf } = setup();
    src.put(obj('a'));
    inf.start();
    await inf.waitForSync();
    const late: string[] = [];
    inf.addEventHandler({ onAdd: () => { throw new Error('bad handler'); } });
    const reg = inf.addEventHandler({ onAdd: (o, initial) => late.push(`${o.metadata.name}:${initial}`) });
    await until(() => src.watches.length === 1);
    src.watch0.push({ type: 'ADDED', object: obj('b', { resourceVersion: '200' }) });
    await until(() => late.length === 2);
    assert.deepEqual(late, ['a:true', 'b:false']);
    reg.remove();
    src.watch0.push({ type: 'ADDED', object: obj('c', { resourceVersion: '201' }) });
    await until(() => inf.cache.size === 3);
    assert.equal(late.length, 2);
    await inf.stop();
  });

  it('indexes by namespace, label and owner UID follow updates and deletes', async () => {
    const { src, inf } = setup();
    const owner = { apiVersion: 'ork.dev/v1', kind: 'App', name: 'shop', uid: 'u-1', controller: true };
    src.put(obj('a', { namespace: 'one', labels: { app: 'x', tier: 'web' }, ownerReferences: [owner] }));
    src.put(obj('b', { namespace: 'two', labels: { app: 'x' } }));
    inf.start();
    await inf.waitForSync();
    const names = (l: Obj[]) => l.map((o) => o.metadata.name).sort();
    assert.deepEqual(names(inf.cache.byNamespace('one')), ['a']);
    assert.deepEqual(names(inf.cache.byLabels({ app: 'x' })), ['a', 'b']);
    assert.deepEqual(names(inf.cache.byLabels({ app: 'x', tier: 'web' })), ['a']);
    assert.deepEqual(names(inf.cache.byOwner('u-1')), ['a']);
    await until(() => src.watches.length === 1);
    src.watch0.push({ type: 'MODIFIED', object: obj('a', { namespace: 'one', resourceVersion: '300', labels: { app: 'y' } }) });
    src.watch0.push({ type: 'ADDED', object: obj('c', { namespace: 'two', resourceVersion: '301', ownerReferences: [owner] }) });
    src.watch0.push({ type: 'DELETED', object: obj('b', { namespace: 'two', resourceVersion: '302' }) });
    await until(() => inf.resourceVersion === '302');
    assert.deepEqual(names(inf.cache.byLabels({ app: 'x' })), []);
    assert.deepEqual(names(inf.cache.byLabels({ app: 'y' })), ['a']);
    assert.deepEqual(names(inf.cache.byOwner('u-1')), ['c']);
    assert.deepEqual(names(inf.cache.byNamespace('two')), ['c']);
    await inf.stop();
  });

  it('custom indexers sit beside the built-in ones', async () => {
    const { src, inf } = setup({ indexers: { byData: (o) => Object.keys(o.data ?? {}) } });
    src.put(obj('a', {}, { color: 'red' }));
    inf.start();
    await inf.waitForSync();
    assert.deepEqual(inf.cache.byIndex('byData', 'color').map((o) => o.metadata.name), ['a']);
    assert.throws(() => inf.cache.byIndex('nope', 'x'), /unknown cache index/);
    await inf.stop();
  });

  it('stop() aborts the watch, ends the loop, and unblocks waitForSync with false', async () => {
    const { src, inf } = setup();
    src.listErrors.push(new ServerError(503, {}));
    inf.start();
    const waiting = inf.waitForSync();
    await until(() => inf.stats.backoffs.length === 1);
    await inf.stop();
    assert.equal(await waiting, false);
    assert.equal(inf.hasSynced(), false);
    const { src: src2, inf: inf2 } = setup();
    inf2.start();
    await until(() => src2.watches.length === 1);
    await inf2.stop();
    assert.equal(src2.watch0.signal.aborted, true);
  });
});
