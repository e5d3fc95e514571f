import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCycle, startWaves, topologicalOrder } from '../../../compiler/graph/dependency-graph.ts';

const g = (o: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(o));

test('orders dependencies before dependents, ties alphabetically', () => {
  assert.deepEqual(topologicalOrder(g({ app: ['db', 'cache'], db: [], cache: [], web: ['app'] })), ['cache', 'db', 'app', 'web']);
});

test('reports the cycle path with the first name repeated', () => {
  assert.deepEqual(findCycle(g({ a: ['b'], b: ['c'], c: ['a'], d: [] })), ['a', 'b', 'c', 'a']);
  assert.deepEqual(findCycle(g({ x: ['x'] })), ['x', 'x']);
  assert.equal(findCycle(g({ a: ['b'], b: [] })), undefined);
});

test('groups names into start waves', () => {
  assert.deepEqual(startWaves(g({ app: ['db', 'cache'], db: [], cache: [], web: ['app', 'db'] })), [['cache', 'db'], ['app'], ['web']]);
});

test('topologicalOrder refuses a cyclic graph', () => {
  assert.throws(() => topologicalOrder(g({ a: ['b'], b: ['a'] })), /cycle/);
});
