import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { createLogger, encodeLine, isLogLevel } from '../../../../runtime-kit/log/logger.ts';
import { LineCollector } from '../helpers.ts';

test('writes one JSON object per line with time, level, msg and fields', () => {
  const sink = new LineCollector();
  const log = createLogger({ stream: sink, clock: new FakeClock(Date.UTC(2026, 0, 2, 3, 4, 5, 6)), level: 'debug' });
  log.info('reconciled', { crd: 'webapp', key: 'shop/web', reconcileId: 'r-1' });
  assert.deepEqual(sink.lines, [{ time: '2026-01-02T03:04:05.006Z', level: 'info', msg: 'reconciled', crd: 'webapp', key: 'shop/web', reconcileId: 'r-1' }]);
});

test('drops lines below the level', () => {
  const sink = new LineCollector();
  const log = createLogger({ stream: sink, level: 'warn' });
  log.debug('d');
  log.info('i');
  log.warn('w');
  log.error('e');
  assert.deepEqual(sink.lines.map((l) => l['level']), ['warn', 'error']);
});

test('child loggers add their fields to every line; call fields win', () => {
  const sink = new LineCollector();
  const log = createLogger({ stream: sink, fields: { katalog: 'shop' } }).child({ crd: 'webapp' }).child({ key: 'a/b' });
  log.info('x', { key: 'c/d' });
  assert.equal(sink.lines[0]?.['katalog'], 'shop');
  assert.equal(sink.lines[0]?.['crd'], 'webapp');
  assert.equal(sink.lines[0]?.['key'], 'c/d');
});

test('serializes errors as their message, bigints as strings and cycles safely', () => {
  const cyc: Record<string, unknown> = { a: 1 };
  cyc['self'] = cyc;
  const line = encodeLine({ err: new Error('boom'), n: 10n, cyc });
  assert.deepEqual(JSON.parse(line), { err: 'boom', n: '10', cyc: { a: 1, self: '[circular]' } });
});

test('every line is a single line even with newlines in the message', () => {
  const chunks: string[] = [];
  createLogger({ stream: { write: (s: string) => chunks.push(s) } }).error('two\nlines');
  assert.equal(chunks.length, 1);
  assert.equal(chunks[0]?.split('\n').length, 2);
  assert.ok(chunks[0]?.endsWith('\n'));
});

test('level names are validated', () => {
  assert.equal(isLogLevel('warn'), true);
  assert.equal(isLogLevel('verbose'), false);
  assert.equal(isLogLevel('toString'), false);
});
