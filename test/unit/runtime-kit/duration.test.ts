import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExtendedDuration, parseGoDuration, toMillis } from '../../../runtime-kit/duration.ts';

const S = 1_000_000_000n;

test('Go durations parse as time.ParseDuration does', () => {
  const cases: Array<[string, bigint]> = [
    ['0', 0n], ['-0', 0n], ['+0', 0n], ['5s', 5n * S], ['30s', 30n * S], ['1m', 60n * S], ['1h30m', 5400n * S],
    ['2h45m0.5s', 9900n * S + S / 2n], ['1.5h', 5400n * S], ['.5s', S / 2n], ['1.s', S], ['300ms', 300_000_000n],
    ['10us', 10_000n], ['10µs', 10_000n], ['10μs', 10_000n], ['7ns', 7n], ['-1m', -60n * S], ['1h1h', 7200n * S],
  ];
  for (const [text, nanos] of cases) {
    const r = parseGoDuration(text);
    assert.ok(r.ok, `${text}: ${r.ok ? '' : r.reason}`);
    assert.equal(r.nanos, nanos, text);
  }
});

test('Go durations refuse what Go refuses', () => {
  for (const text of ['', '5', '1d', '1w', '1mo', '1y', 's', '.s', '1sec', '1 s', ' 1s', '1s ', '-', '+', '1.2.3s', 'abc', '1h-1m', '9999999999h']) {
    assert.equal(parseGoDuration(text).ok, false, JSON.stringify(text));
  }
});

test('extended durations add d, w, mo (30d) and y (365d)', () => {
  const DAY = 86_400n * S;
  const cases: Array<[string, bigint]> = [
    ['1d', DAY], ['2w', 14n * DAY], ['3mo', 90n * DAY], ['1y', 365n * DAY], ['90d', 90n * DAY], ['1y6mo', 545n * DAY],
    ['12h', 12n * 3600n * S], ['1d12h', DAY + 12n * 3600n * S], ['1ms', 1_000_000n], ['1m', 60n * S],
  ];
  for (const [text, nanos] of cases) {
    const r = parseExtendedDuration(text);
    assert.ok(r.ok, `${text}: ${r.ok ? '' : r.reason}`);
    assert.equal(r.nanos, nanos, text);
  }
  for (const text of ['1month', '1yr', '1D', 'soon', '1days', '']) assert.equal(parseExtendedDuration(text).ok, false, text);
});

test('reasons name the problem', () => {
  const r = parseGoDuration('1d');
  assert.ok(!r.ok && r.reason.includes('unknown unit "d"'));
  const m = parseGoDuration('30');
  assert.ok(!m.ok && m.reason.includes('missing unit'));
});

test('toMillis truncates', () => {
  assert.equal(toMillis(1_500_000n), 1);
  const r = parseGoDuration('1m30s');
  assert.ok(r.ok);
  assert.equal(toMillis(r.nanos), 90_000);
});

test('parseGoDurationMs is the exact parser in whole milliseconds', async () => {
  const { parseGoDurationMs } = await import('../../../runtime-kit/duration.ts');
  assert.equal(parseGoDurationMs('1.5s'), 1500);
  assert.equal(parseGoDurationMs('2h45m'), 9_900_000);
  assert.equal(parseGoDurationMs('1500us'), 1); // truncated toward zero
  assert.equal(parseGoDurationMs('-1m'), -60_000);
  assert.equal(parseGoDurationMs('0'), 0);
  assert.equal(parseGoDurationMs(' 30s\n'), 30_000); // a rendered template's whitespace
  for (const bad of ['', '5', '1d', '1sec', 'abc', '9999999999h']) assert.equal(parseGoDurationMs(bad), undefined, JSON.stringify(bad));
});
