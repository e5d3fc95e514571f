/**
 * The kit's Prometheus text exposition against prom-client (a dev dependency kept as the
 * reference): random sequences of counter, gauge and histogram updates, with awkward label values,
 * are applied to both and the rendered samples and HELP/TYPE lines must agree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as prom from 'prom-client';
import { Counter, Gauge, Histogram, Registry, formatValue } from '../../../../runtime-kit/metrics/exposition.ts';

/** Sample lines parsed to `name{sorted labels}` → value, plus the comment lines, from exposition text. */
function parse(text: string): { samples: Map<string, string>; comments: string[] } {
  const samples = new Map<string, string>();
  const comments: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      comments.push(line);
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/.exec(line);
    assert.ok(m, `sample line ${JSON.stringify(line)} is well formed`);
    const labels: string[] = [];
    const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;
    let lm: RegExpExecArray | null;
    let consumed = 0;
    while ((lm = re.exec(m[3] ?? '')) !== null) {
      labels.push(`${lm[1]}=${lm[2]}`);
      consumed = re.lastIndex;
    }
    assert.equal(consumed, (m[3] ?? '').length, `labels of ${JSON.stringify(line)} parse completely`);
    const key = `${m[1]}{${labels.sort().join(',')}}`;
    assert.ok(!samples.has(key), `sample ${key} appears once`);
    samples.set(key, m[4]!);
  }
  return { samples, comments };
}

const BUCKETS = [0.005, 0.1, 1, 10];
const labelValue = fc.oneof(fc.constantFrom('a', 'b', 'x"y', 'back\\slash', 'new\nline', '', 'ünï'), fc.string({ maxLength: 6 }));
const op = fc.oneof(
  fc.record({ kind: fc.constant('inc' as const), crd: labelValue, by: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('set' as const), crd: labelValue, v: fc.oneof(fc.double({ noNaN: true }), fc.integer()) }),
  fc.record({ kind: fc.constant('observe' as const), crd: labelValue, v: fc.double({ min: 0, max: 100, noNaN: true }) }),
  fc.record({ kind: fc.constant('leader' as const), v: fc.integer({ min: 0, max: 1 }) }),
);

test('renders the same samples and comments as prom-client for random updates', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { maxLength: 40 }), fc.boolean(), async (ops, withDefaults) => {
      const ours = new Registry();
      const theirs = new prom.Registry();
      if (withDefaults) {
        ours.setDefaultLabels({ katalog: 'shop' });
        theirs.setDefaultLabels({ katalog: 'shop' });
      }
      const help = 'Help with a \\ backslash\nand a newline.';
      const oc = new Counter({ name: 't_total', help, labelNames: ['crd'], registers: [ours] });
      const og = new Gauge({ name: 't_depth', help, labelNames: ['crd'], registers: [ours] });
      const oh = new Histogram({ name: 't_seconds', help, labelNames: ['crd'], buckets: BUCKETS, registers: [ours] });
      const ol = new Gauge({ name: 't_leader', help, registers: [ours] });
      const pc = new prom.Counter({ name: 't_total', help, labelNames: ['crd'], registers: [theirs] });
      const pg = new prom.Gauge({ name: 't_depth', help, labelNames: ['crd'], registers: [theirs] });
      const ph = new prom.Histogram({ name: 't_seconds', help, labelNames: ['crd'], buckets: BUCKETS, registers: [theirs] });
      const pl = new prom.Gauge({ name: 't_leader', help, registers: [theirs] });
      for (const o of ops) {
        if (o.kind === 'inc') (oc.inc({ crd: o.crd }, o.by), pc.inc({ crd: o.crd }, o.by));
        else if (o.kind === 'set') (og.set({ crd: o.crd }, o.v), pg.set({ crd: o.crd }, o.v));
        else if (o.kind === 'observe') (oh.observe({ crd: o.crd }, o.v), ph.observe({ crd: o.crd }, o.v));
        else (ol.set(o.v), pl.set(o.v));
      }
      const [pa, pb] = [parse(await ours.metrics()), parse(await theirs.metrics())];
      assert.deepEqual(pa.comments, pb.comments);
      assert.deepEqual(new Map([...pa.samples].sort()), new Map([...pb.samples].sort()));
    }),
    { numRuns: 300 },
  );
});

test('an unlabelled metric renders 0 before any update; labelled ones render no sample', async () => {
  const r = new Registry();
  new Gauge({ name: 'up_gauge', help: 'u', registers: [r] });
  new Counter({ name: 'by_crd_total', help: 'c', labelNames: ['crd'], registers: [r] });
  new Histogram({ name: 'lat_seconds', help: 'h', buckets: [1], registers: [r] });
  assert.equal(
    await r.metrics(),
    [
      '# HELP up_gauge u',
      '# TYPE up_gauge gauge',
      'up_gauge 0',
      '# HELP by_crd_total c',
      '# TYPE by_crd_total counter',
      '# HELP lat_seconds h',
      '# TYPE lat_seconds histogram',
      'lat_seconds_bucket{le="1"} 0',
      'lat_seconds_bucket{le="+Inf"} 0',
      'lat_seconds_sum 0',
      'lat_seconds_count 0',
      '',
    ].join('\n'),
  );
});

test('histogram buckets are cumulative and +Inf counts everything', async () => {
  const r = new Registry();
  const h = new Histogram({ name: 'd_seconds', help: 'h', labelNames: ['crd'], buckets: [0.1, 1], registers: [r] });
  for (const v of [0.05, 0.1, 0.5, 2, 30]) h.observe({ crd: 'a' }, v);
  const text = await r.metrics();
  for (const line of ['d_seconds_bucket{le="0.1",crd="a"} 2', 'd_seconds_bucket{le="1",crd="a"} 3', 'd_seconds_bucket{le="+Inf",crd="a"} 5', 'd_seconds_sum{crd="a"} 32.65', 'd_seconds_count{crd="a"} 5']) {
    assert.ok(text.includes(`${line}\n`), line);
  }
});

test('values are formatted as Prometheus expects', () => {
  assert.equal(formatValue(Infinity), '+Inf');
  assert.equal(formatValue(-Infinity), '-Inf');
  assert.equal(formatValue(NaN), 'NaN');
  assert.equal(formatValue(1e21), '1e+21');
  assert.equal(formatValue(0.25), '0.25');
});

test('programming errors are refused loudly', () => {
  const r = new Registry();
  const c = new Counter({ name: 'a_total', help: 'a', labelNames: ['crd'], registers: [r] });
  assert.throws(() => new Counter({ name: 'a_total', help: 'again', registers: [r] }), /already registered/);
  assert.throws(() => new Counter({ name: 'bad-name', help: 'x' }), /not a valid Prometheus name/);
  assert.throws(() => new Counter({ name: 'ok_total', help: 'x', labelNames: ['__reserved'] }), /label name/);
  assert.throws(() => c.inc({}), /label crd missing/);
  assert.throws(() => c.inc({ crd: 'a', other: 'b' }), /unknown label/);
  assert.throws(() => c.inc({ crd: 'a' }, -1), /cannot add -1/);
  assert.throws(() => r.setDefaultLabels({ 'not-valid': 'x' }), /default label name/);
});

test('collect hooks run before each render', async () => {
  const r = new Registry();
  let n = 0;
  const g = new Gauge({ name: 'scrapes', help: 's', registers: [r], collect: () => g.set(++n) });
  assert.match(await r.metrics(), /^scrapes 1$/m);
  assert.match(await r.metrics(), /^scrapes 2$/m);
});
