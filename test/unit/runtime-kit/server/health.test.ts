import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { CrdHealth, isServing } from '../../../../runtime-kit/server/health.ts';

test('starts not started, pending once started, healthy after a success', () => {
  const h = new CrdHealth({ clock: new FakeClock() });
  assert.equal(h.state(), 'not started');
  h.markStarted();
  assert.equal(h.state(), 'pending');
  h.recordSuccess();
  assert.equal(h.state(), 'healthy');
});

test('degrades at failureThreshold consecutive failures and a success recovers', () => {
  const h = new CrdHealth({ failureThreshold: 3, clock: new FakeClock() });
  h.markStarted();
  h.recordFailure(new Error('a'));
  h.recordFailure(new Error('b'));
  assert.equal(h.state(), 'pending');
  h.recordFailure(new Error('c'));
  assert.equal(h.state(), 'degraded');
  const s = h.snapshot();
  assert.equal(s.consecutiveFails, 3);
  assert.equal(s.lastError, 'c');
  assert.match(s.degradedReason ?? '', /3 consecutive/);
  h.recordSuccess();
  assert.equal(h.state(), 'healthy');
  assert.equal(h.snapshot().consecutiveFails, 0);
  assert.equal(h.snapshot().errorRate, 0.75);
});

test('recordFailure takes the threshold per call; 0 means the default 5', () => {
  const h = new CrdHealth({ clock: new FakeClock() });
  h.markStarted();
  for (let i = 0; i < 4; i++) h.recordFailure('x', 0);
  assert.equal(h.state(), 'pending');
  h.recordFailure('x', 0);
  assert.equal(h.state(), 'degraded');
  h.recordFailure('x', 10);
  assert.equal(h.state(), 'pending');
  assert.equal(h.snapshot().failureThreshold, 10);
});

test('gated until the next success; degraded wins over gated', () => {
  const h = new CrdHealth({ failureThreshold: 1, clock: new FakeClock() });
  h.markStarted();
  h.recordGated();
  assert.equal(h.state(), 'gated');
  assert.equal(isServing('gated'), true);
  h.recordFailure('boom');
  assert.equal(h.state(), 'degraded');
  h.recordSuccess();
  assert.equal(h.state(), 'healthy');
  assert.equal(h.snapshot().gated, false);
});

test('markDegraded holds until started again; standby reads as pending', () => {
  const h = new CrdHealth({ clock: new FakeClock() });
  h.markStarted();
  h.markDegraded('CRD missing at runtime');
  assert.equal(h.state(), 'degraded');
  assert.equal(h.snapshot().degradedReason, 'CRD missing at runtime');
  h.markStarted();
  assert.equal(h.state(), 'pending');
  h.markStandby();
  assert.equal(h.state(), 'pending');
  assert.equal(h.snapshot().started, false);
  h.markStopped();
  assert.equal(h.state(), 'not started');
});

test('keeps long errors bounded', () => {
  const h = new CrdHealth({ clock: new FakeClock() });
  h.recordFailure('x'.repeat(5000));
  assert.equal(h.snapshot().lastError?.length, 1024);
});

test('stamps times from the clock', () => {
  const clock = new FakeClock(1_000_000);
  const h = new CrdHealth({ clock });
  h.markStarted();
  clock.advance(500);
  h.recordSuccess();
  assert.equal(h.snapshot().startedAt, 1_000_000);
  assert.equal(h.snapshot().lastReconcile, 1_000_500);
});
