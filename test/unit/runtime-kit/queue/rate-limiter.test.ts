import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { BucketLimiter, ItemExponentialLimiter, MaxOfLimiter, controllerRateLimiter } from '../../../../runtime-kit/queue/rate-limiter.ts';
import { TokenBucket } from '../../../../runtime-kit/token-bucket.ts';

test('per-item backoff doubles from 5 ms', () => {
  const l = new ItemExponentialLimiter<string>();
  assert.deepEqual([1, 2, 3, 4, 5].map(() => l.when('a')), [5, 10, 20, 40, 80]);
  assert.equal(l.numRequeues('a'), 5);
});

test('per-item backoff is capped at 1000 s', () => {
  const l = new ItemExponentialLimiter<string>();
  const delays = Array.from({ length: 30 }, () => l.when('a'));
  // 5 ms × 2^17 = 655.36 s, × 2^18 = 1310.72 s → capped
  assert.equal(delays[17], 655_360);
  assert.equal(delays[18], 1_000_000);
  assert.equal(delays[29], 1_000_000);
  for (let i = 0; i < 2000; i++) l.when('a');
  assert.equal(l.when('a'), 1_000_000, 'no overflow to Infinity or NaN after many failures');
});

test('backoff is tracked per key and forget resets it', () => {
  const l = new ItemExponentialLimiter<string>();
  l.when('a');
  l.when('a');
  assert.equal(l.when('b'), 5);
  l.forget('a');
  assert.equal(l.numRequeues('a'), 0);
  assert.equal(l.when('a'), 5);
});

test('retryBackoff settings change initial, multiplier and cap', () => {
  const l = new ItemExponentialLimiter<string>({ initialMs: 1000, multiplier: 3, maxMs: 20_000 });
  assert.deepEqual([1, 2, 3, 4].map(() => l.when('a')), [1000, 3000, 9000, 20_000]);
});

test('token bucket allows the burst at once, then paces at qps', () => {
  const clock = new FakeClock();
  const b = new TokenBucket(10, 100, clock);
  for (let i = 0; i < 100; i++) assert.equal(b.reserve(), 0);
  assert.equal(b.reserve(), 100, '101st waits one token period (100 ms at 10 qps)');
  assert.equal(b.reserve(), 200);
  clock.advance(1000);
  // 10 tokens refilled pay back the 2 borrowed: 8 available
  for (let i = 0; i < 8; i++) assert.equal(b.reserve(), 0);
  assert.equal(b.reserve(), 100);
});

test('token bucket refills up to burst only', () => {
  const clock = new FakeClock();
  const b = new TokenBucket(10, 5, clock);
  clock.advance(60_000);
  let free = 0;
  while (b.tryTake()) free++;
  assert.equal(free, 5);
});

test('bucket limiter keeps no per-item history', () => {
  const l = new BucketLimiter<string>({ qps: 1, burst: 1, clock: new FakeClock() });
  assert.equal(l.when('a'), 0);
  assert.equal(l.when('b'), 1000);
  assert.equal(l.numRequeues('a'), 0);
});

test('max-of takes the longest delay', () => {
  const clock = new FakeClock();
  const l = new MaxOfLimiter<string>(new ItemExponentialLimiter<string>(), new BucketLimiter<string>({ qps: 1, burst: 1, clock }));
  assert.equal(l.when('a'), 5, 'first: bucket has a token, backoff 5 ms');
  assert.equal(l.when('a'), 1000, 'second: bucket empty, waits 1 s > 10 ms');
  assert.equal(l.numRequeues('a'), 2);
  l.forget('a');
  assert.equal(l.numRequeues('a'), 0);
});

test('the controller default combines 5 ms backoff with a 10 qps / 100 burst bucket', () => {
  const clock = new FakeClock();
  const l = controllerRateLimiter<number>({ clock });
  const first = Array.from({ length: 100 }, (_, i) => l.when(i));
  assert.ok(first.every((d) => d === 5), 'burst of 100 distinct keys: each waits its own 5 ms');
  assert.equal(l.when(100), 100, 'the 101st retry waits for the bucket');
});
