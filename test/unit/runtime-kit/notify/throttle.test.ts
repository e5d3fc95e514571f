import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { NotifyThrottle, throttleKey } from '../../../../runtime-kit/notify/throttle.ts';

const key = { katalogName: 'shop', field: 'status.phase', operator: 'eq', value: 'Failed', teamName: 'sre' };

test('the LastSent key is katalog|field|operator|value|team', () => {
  assert.equal(throttleKey(key), 'shop|status.phase|eq|Failed|sre');
});

test('allows once per interval per key', () => {
  const clock = new FakeClock();
  const t = new NotifyThrottle({ clock });
  assert.equal(t.allow(key, 1000), true);
  clock.advance(999);
  assert.equal(t.allow(key, 1000), false);
  clock.advance(1);
  assert.equal(t.allow(key, 1000), true);
  assert.equal(t.lastSent(key), clock.now());
});

test('an interval of 0 never throttles', () => {
  const t = new NotifyThrottle({ clock: new FakeClock() });
  assert.equal(t.allow(key, 0), true);
  assert.equal(t.allow(key, 0), true);
});

test('remembers at most maxKeys keys, evicting the least recently fired', () => {
  const clock = new FakeClock();
  const t = new NotifyThrottle({ clock, maxKeys: 2 });
  const k = (v: string) => ({ ...key, value: v });
  t.allow(k('a'), 1000);
  t.allow(k('b'), 1000);
  t.allow(k('c'), 1000);
  assert.equal(t.lastSent(k('a')), undefined);
  assert.equal(t.allow(k('b'), 1000), false);
});

test('a key naming a CR appends it, so each CR has its own clock', () => {
  assert.equal(throttleKey({ ...key, cr: 'prod/web' }), 'shop|status.phase|eq|Failed|sre|prod/web');
  const t = new NotifyThrottle({ clock: new FakeClock() });
  assert.equal(t.allow({ ...key, cr: 'prod/web' }, 1000), true);
  assert.equal(t.allow({ ...key, cr: 'prod/api' }, 1000), true, 'another CR is not silenced');
  assert.equal(t.allow({ ...key, cr: 'prod/web' }, 1000), false);
});
