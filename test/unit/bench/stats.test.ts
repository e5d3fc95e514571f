import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fmt, median, percentile, ratio } from '../../../bench/runtime/stats.ts';

test('median: odd and even counts, unsorted input, empty', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

test('median does not reorder its input', () => {
  const xs = [3, 1, 2];
  median(xs);
  assert.deepEqual(xs, [3, 1, 2]);
});

test('percentile: nearest rank', () => {
  const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1
  assert.equal(percentile(xs, 50), 50);
  assert.equal(percentile(xs, 99), 99);
  assert.equal(percentile(xs, 100), 100);
  assert.equal(percentile(xs, 0), 1);
  assert.equal(percentile([5, 1, 9], 99), 9, 'p99 of a few samples is the maximum');
  assert.equal(percentile([5, 1, 9], 50), 5);
  assert.ok(Number.isNaN(percentile([], 50)));
  assert.throws(() => percentile([1], 101), /0\.\.100/);
});

test('ratio and fmt: missing values become a dash', () => {
  assert.equal(ratio(3, 2), '1.50×');
  assert.equal(ratio(1, 0), '—');
  assert.equal(ratio(undefined, 2), '—');
  assert.equal(fmt(1.234, 1), '1.2');
  assert.equal(fmt(undefined), '—');
  assert.equal(fmt(NaN), '—');
});
