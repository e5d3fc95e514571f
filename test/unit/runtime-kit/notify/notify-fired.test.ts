/** evaluateNotifyingGate: evaluateGate's result, plus the notify blocks of conditions that were evaluated and held. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateGate, readPath } from '../../../../runtime-kit/conditions/evaluate.ts';
import { evaluateNotifyingGate, type FiredNotification, type NotifyingCondition, type NotifySpec } from '../../../../runtime-kit/notify/fired.ts';
import type { TemplateData } from '../../../../runtime-kit/template/values.ts';

const spec = (field: string, value: string, teams = ['ops']): NotifySpec => ({
  condKey: `${field}|equals|${value}`,
  field,
  operator: 'equals',
  value,
  teams: teams.map((name) => ({ name, intervalMs: 60_000, message: (d: TemplateData) => `${field} is ${String(readPath(d, field.split('.')))}` })),
});
const eq = (field: string, value: string, notify = true): NotifyingCondition => ({
  op: 'equals',
  field: (d) => readPath(d, field.split('.')),
  value: () => value,
  ...(notify ? { notify: spec(field, value) } : {}),
});
const data = (a: string, b: string): TemplateData => ({ spec: { a, b } });

test('same result as evaluateGate for every combination of when and or', () => {
  for (const a of ['x', 'y']) {
    for (const b of ['x', 'y']) {
      for (const [when, or] of [[[eq('spec.a', 'x')], []], [[eq('spec.a', 'x'), eq('spec.b', 'x')], []], [[], [eq('spec.a', 'x'), eq('spec.b', 'x')]], [[eq('spec.a', 'x')], [eq('spec.b', 'x')]]] as const) {
        const fired: FiredNotification[] = [];
        assert.equal(evaluateNotifyingGate(when, or, data(a, b), fired), evaluateGate(when, or, data(a, b)), `a=${a} b=${b}`);
      }
    }
  }
});

test('records the conditions that held, in evaluation order, with the rendered message and the actual value', () => {
  const fired: FiredNotification[] = [];
  assert.equal(evaluateNotifyingGate([eq('spec.a', 'x'), eq('spec.b', 'x')], [], data('x', 'x'), fired), true);
  assert.deepEqual(fired, [
    { condKey: 'spec.a|equals|x', field: 'spec.a', operator: 'equals', value: 'x', actual: 'x', team: 'ops', intervalMs: 60_000, message: 'spec.a is x' },
    { condKey: 'spec.b|equals|x', field: 'spec.b', operator: 'equals', value: 'x', actual: 'x', team: 'ops', intervalMs: 60_000, message: 'spec.b is x' },
  ]);
});

test('when stops at the first failing condition: a later notify is not evaluated, an earlier one that held still fires', () => {
  const fired: FiredNotification[] = [];
  assert.equal(evaluateNotifyingGate([eq('spec.a', 'x'), eq('spec.b', 'x')], [], data('x', 'y'), fired), false);
  assert.deepEqual(fired.map((f) => f.condKey), ['spec.a|equals|x']);
  const none: FiredNotification[] = [];
  evaluateNotifyingGate([eq('spec.a', 'x', false), eq('spec.b', 'x')], [], data('y', 'x'), none);
  assert.deepEqual(none, [], 'spec.b is never reached when spec.a fails');
});

test('or stops at the first condition that holds; a failing when skips or entirely', () => {
  const fired: FiredNotification[] = [];
  evaluateNotifyingGate([], [eq('spec.a', 'x'), eq('spec.b', 'x')], data('x', 'x'), fired);
  assert.deepEqual(fired.map((f) => f.condKey), ['spec.a|equals|x']);
  const skipped: FiredNotification[] = [];
  evaluateNotifyingGate([eq('spec.a', 'z', false)], [eq('spec.b', 'x')], data('x', 'x'), skipped);
  assert.deepEqual(skipped, []);
});

test('one entry per team; the same condition and team once per reconcile (forEach items evaluate it repeatedly)', () => {
  const c: NotifyingCondition = { ...eq('spec.a', 'x'), notify: spec('spec.a', 'x', ['ops', 'dev']) };
  const fired: FiredNotification[] = [];
  evaluateNotifyingGate([c], [], data('x', 'x'), fired);
  evaluateNotifyingGate([c], [], data('x', 'y'), fired);
  assert.deepEqual(fired.map((f) => f.team), ['ops', 'dev']);
});

test('a message template that fails to render leaves the message empty and says why', () => {
  const c: NotifyingCondition = { ...eq('spec.a', 'x'), notify: { ...spec('spec.a', 'x'), teams: [{ name: 'ops', intervalMs: 0, message: () => { throw new Error('map has no entry for key "nope"'); } }] } };
  const fired: FiredNotification[] = [];
  assert.equal(evaluateNotifyingGate([c], [], data('x', 'x'), fired), true, 'the gate result is unaffected');
  assert.equal(fired[0]?.message, '');
  assert.match(fired[0]?.messageError ?? '', /no entry for key/);
});
