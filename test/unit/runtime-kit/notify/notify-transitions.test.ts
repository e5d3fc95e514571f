/** NotifyTransitions: a (condition, team) pair of a CR is reported when it starts to hold, not while it keeps holding. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FiredNotification } from '../../../../runtime-kit/notify/fired.ts';
import { NotifyTransitions } from '../../../../runtime-kit/notify/transitions.ts';

const f = (condKey: string, team = 'ops'): FiredNotification => ({ condKey, field: 'spec.x', operator: 'equals', value: 'v', actual: 'v', team, intervalMs: 0, message: 'm' });

test('reported once when it starts to hold, silent while it holds, again after it stopped', () => {
  const t = new NotifyTransitions();
  assert.deepEqual(t.rising('ns/a', [f('k1')]), [f('k1')]);
  assert.deepEqual(t.rising('ns/a', [f('k1')]), []);
  assert.deepEqual(t.rising('ns/a', [f('k1')]), []);
  assert.deepEqual(t.rising('ns/a', []), []);
  assert.deepEqual(t.rising('ns/a', [f('k1')]), [f('k1')]);
});

test('pairs are independent per CR, condition and team', () => {
  const t = new NotifyTransitions();
  assert.equal(t.rising('ns/a', [f('k1')]).length, 1);
  assert.equal(t.rising('ns/b', [f('k1')]).length, 1, 'another CR');
  assert.deepEqual(t.rising('ns/a', [f('k1'), f('k2'), f('k1', 'dev')]), [f('k2'), f('k1', 'dev')]);
});

test('forget: a deleted and re-created CR starts from nothing held', () => {
  const t = new NotifyTransitions();
  t.rising('ns/a', [f('k1')]);
  t.forget('ns/a');
  assert.equal(t.rising('ns/a', [f('k1')]).length, 1);
});

test('bounded: CRs with nothing held take no memory; beyond maxCrs the oldest is evicted', () => {
  const t = new NotifyTransitions({ maxCrs: 2 });
  t.rising('a', [f('k')]);
  t.rising('b', [f('k')]);
  t.rising('quiet', []);
  assert.equal(t.size(), 2);
  t.rising('c', [f('k')]);
  assert.equal(t.size(), 2);
  assert.equal(t.rising('a', [f('k')]).length, 1, 'a was evicted, so it reports again');
});
