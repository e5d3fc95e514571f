import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WorkQueue } from '../../../../runtime-kit/queue/fifo.ts';

type Op = { t: 'add'; k: number } | { t: 'take' } | { t: 'done'; i: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('add' as const), k: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ t: fc.constant('take' as const) }),
  fc.record({ t: fc.constant('done' as const), i: fc.nat(10) }),
);

test('random add/take/done sequences: no key held twice, no add lost, no duplicate waiting', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { maxLength: 200 }), async (ops) => {
      const q = new WorkQueue<number>();
      const held: number[] = [];
      const needs = new Set<number>(); // added since its last take
      const take = async (): Promise<void> => {
        const k = await Promise.race([q.get(), new Promise<'none'>((r) => setImmediate(() => r('none')))]);
        assert.ok(typeof k === 'number', 'a waiting key was not handed out');
        assert.ok(!held.includes(k), `key ${k} handed out while held`);
        assert.ok(needs.has(k), `key ${k} handed out without an add`);
        needs.delete(k);
        held.push(k);
      };
      for (const o of ops) {
        if (o.t === 'add') {
          q.add(o.k);
          needs.add(o.k);
        } else if (o.t === 'take') {
          if (q.len() > [...needs].filter((k) => held.includes(k)).length) await take();
        } else if (held.length > 0) {
          const [k] = held.splice(o.i % held.length, 1);
          q.done(k as number);
        }
        assert.equal(q.len(), needs.size, 'len counts each waiting key once');
      }
      // Finish everything: every key added after its last take is handed out again.
      for (let round = 0; held.length > 0 || needs.size > 0; round++) {
        assert.ok(round < 20, `keys never handed out again: ${[...needs].join(',')}`);
        for (const k of held.splice(0)) q.done(k);
        while (q.len() > [...needs].filter((k) => held.includes(k)).length) await take();
      }
      assert.equal(q.len(), 0);
    }),
    { numRuns: 300 },
  );
});
