import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyOperator, evaluateGate, parseLeadingFloat, readPath, type Condition, type ConditionOp } from '../../../../runtime-kit/conditions/evaluate.ts';

const cond = (op: ConditionOp, path: string, value = '', negate = false): Condition => ({
  op,
  field: (d) => readPath(d, path.split('.')),
  value: () => value,
  negate,
});
const cr = { spec: { environment: 'production', replicas: 3, tags: ['a'], enabled: true, ratio: 0.5 }, status: {} };

test('string operators compare the %v of the field', () => {
  assert.equal(applyOperator('equals', 'production', 'production'), true);
  assert.equal(applyOperator('equals', 3, '3'), true);
  assert.equal(applyOperator('equals', true, 'true'), true);
  assert.equal(applyOperator('contains', 'production', 'duct'), true);
  assert.equal(applyOperator('notPrefix', 'production', 'pro'), false);
  assert.equal(applyOperator('suffix', 'production', 'tion'), true);
});

test('exists / notExists treat missing and empty alike', () => {
  assert.equal(applyOperator('exists', undefined, ''), false);
  assert.equal(applyOperator('exists', '', ''), false);
  assert.equal(applyOperator('notExists', undefined, ''), true);
  assert.equal(applyOperator('exists', 0, ''), true);
});

test('numeric operators: missing field is 0, a non-numeric expected value fails', () => {
  assert.equal(applyOperator('gt', 3, '2'), true);
  assert.equal(applyOperator('gt', undefined, '-1'), true);
  assert.equal(applyOperator('lte', '2.5', '2.5'), true);
  assert.equal(applyOperator('gt', 3, 'abc'), false);
  assert.equal(applyOperator('between', 5, '1,10'), true);
  assert.equal(applyOperator('notBetween', 5, '1,10'), false);
  assert.equal(applyOperator('between', 5, '1'), false);
  assert.equal(parseLeadingFloat('12abc'), 12);
  assert.equal(parseLeadingFloat('abc'), undefined);
});

test('in / notIn: comma lists, a leading comma matches an empty field', () => {
  assert.equal(applyOperator('in', '', ',Pending'), true);
  assert.equal(applyOperator('in', 'Pending', ',Pending'), true);
  assert.equal(applyOperator('in', 'Running', ' Pending , Running '), true);
  assert.equal(applyOperator('notIn', 'Failed', 'Pending,Running'), true);
});

test('regex: an invalid pattern fails the condition', () => {
  assert.equal(applyOperator('regex', 'v1.2.3', '^v\\d+\\.'), true);
  assert.equal(applyOperator('regex', 'x', '('), false);
});

test('type operators look at the raw value', () => {
  assert.equal(applyOperator('typeList', ['a'], ''), true);
  assert.equal(applyOperator('typeMap', { a: 1 }, ''), true);
  assert.equal(applyOperator('typeNull', undefined, ''), true);
  assert.equal(applyOperator('typeOf', 3, 'number'), true);
});

test('gates: when is AND, or is at-least-one, both must hold, negate inverts', () => {
  const prod = cond('equals', 'spec.environment', 'production');
  const many = cond('gt', 'spec.replicas', '5');
  assert.equal(evaluateGate([prod], [], cr), true);
  assert.equal(evaluateGate([prod, many], [], cr), false);
  assert.equal(evaluateGate([], [many, prod], cr), true);
  assert.equal(evaluateGate([prod], [many], cr), false);
  assert.equal(evaluateGate([], [], cr), true);
  assert.equal(evaluateGate([cond('equals', 'spec.environment', 'production', true)], [], cr), false);
  assert.equal(evaluateGate([cond('notExists', 'status.phase')], [], cr), true);
});

test('paths never read inherited properties', () => {
  assert.equal(readPath({ spec: {} }, ['spec', 'constructor']), undefined);
  assert.equal(readPath({ spec: {} }, ['spec', '__proto__']), undefined);
});
