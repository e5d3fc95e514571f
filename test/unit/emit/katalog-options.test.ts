/**
 * CRD-entry options compiled into the generated `main.ts` as data: queue.retryBackoff (in ms),
 * labelSelector / fieldSelector (selector text), allowedNamespaces / restrictedNamespaces — and
 * CR `labels` into the reconciler (`crLabels`, values rendered from the CR); no
 * ORK046 for them any more; user text only ever appears JSON-quoted; and the emitted backoff,
 * handed to the kit's queue, yields the configured delays and gives up after maxAttempts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '../../../compiler/generate.ts';
import { retryBackoffLiteral, selectorText } from '../../../compiler/emit/main-module.ts';
import { createWorkQueue } from '../../../runtime-kit/queue/create.ts';
import { FakeClock } from '../../../runtime-kit/clock.ts';

const FIXTURE = 'test/fixtures/katalog-options';

/** Generates `text` (a variant of the fixture) beside the fixture's CRD files. */
function generateText(text: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-options-'));
  for (const f of ['gadget-crd.yaml', 'fuse-crd.yaml']) copyFileSync(path.join(FIXTURE, f), path.join(dir, f));
  writeFileSync(path.join(dir, 'katalog.yaml'), text);
  return generate(path.join(dir, 'katalog.yaml'), path.join(dir, 'out'));
}

test('the fixture compiles its options into main.ts, without ORK046', () => {
  const g = generate(path.join(FIXTURE, 'katalog.yaml'), '/tmp/unused');
  assert.ok(g.files, JSON.stringify(g.diagnostics));
  assert.deepEqual(g.diagnostics.filter((d) => d.code === 'ORK046'), []);
  const main = g.files.get('src/main.ts')!;
  assert.match(main, /retryBackoff: \{"initialMs":200,"maxMs":500,"multiplier":2,"maxAttempts":3\},/);
  assert.match(main, /fieldSelector: "metadata\.name=boom",/);
  assert.match(main, /restrictedNamespaces: \["options-r"\],/);
  assert.match(main, /labelSelector: "tier=gold",/);
  assert.match(main, /allowedNamespaces: \["options-a","options-b"\],/);
  const gadget = g.files.get('src/reconcilers/gadget.ts')!;
  assert.match(gadget, /crLabels: \{ "options\.ork\.dev\/owner": t\d+\(data\), "options\.ork\.dev\/fixed": "yes" \}/, 'labels: keys as data, a template value rendered, a literal quoted');
  assert.doesNotMatch(g.files.get('src/reconcilers/fuse.ts')!, /crLabels/, 'no labels, no key');
});

test('a CRD entry without the options emits none of their keys', () => {
  const g = generate('examples/app-config/katalog.yaml', '/tmp/unused');
  const main = g.files!.get('src/main.ts')!;
  for (const k of ['retryBackoff', 'labelSelector', 'fieldSelector', 'allowedNamespaces', 'restrictedNamespaces']) assert.doesNotMatch(main, new RegExp(`${k}:`));
});

test('retryBackoff: the shorthand is the initial delay; the object sets what it names', () => {
  assert.deepEqual(retryBackoffLiteral('5s'), { initialMs: 5000 });
  assert.deepEqual(retryBackoffLiteral({ max: '1m' }), { maxMs: 60_000 });
  assert.deepEqual(retryBackoffLiteral({ initial: '1.5s', max: '2h', multiplier: 1.5, maxAttempts: 0 }), { initialMs: 1500, maxMs: 7_200_000, multiplier: 1.5, maxAttempts: 0 });
  assert.equal(retryBackoffLiteral(undefined), undefined);
  assert.equal(retryBackoffLiteral({}), undefined);
});

test('selectors: k=v joined by commas in the Katalog order; empty = none', () => {
  assert.equal(selectorText({ tier: 'gold', 'app.kubernetes.io/name': 'x' }), 'tier=gold,app.kubernetes.io/name=x');
  assert.equal(selectorText({ 'metadata.namespace': 'default' }), 'metadata.namespace=default');
  assert.equal(selectorText({}), undefined);
  assert.equal(selectorText(undefined), undefined);
});

test('user text in a selector or namespace list is data: JSON-quoted, never code', () => {
  const evil = 'x"; process.exit(7); "';
  const text = readFileSync(path.join(FIXTURE, 'katalog.yaml'), 'utf8')
    .replace('metadata.name: boom', `metadata.name: '${evil}'`)
    .replace('restrictedNamespaces: [options-r]', `restrictedNamespaces: ['${evil}']`);
  const g = generateText(text);
  assert.ok(g.files, JSON.stringify(g.diagnostics.filter((d) => d.severity === 'error')));
  const main = g.files.get('src/main.ts')!;
  assert.ok(main.includes(`fieldSelector: ${JSON.stringify(`metadata.name=${evil}`)},`));
  assert.ok(main.includes(`restrictedNamespaces: ${JSON.stringify([evil])},`));
  assert.ok(!main.includes(`process.exit(7); "`), 'the quote is escaped, not closing the string');
});

test('the emitted backoff drives the kit queue: 200, 400, 500 (capped) ms, then it gives up after 3', () => {
  const clock = new FakeClock(0);
  const delays: number[] = [];
  let gaveUp = -1;
  const q = createWorkQueue<string>({ retryBackoff: retryBackoffLiteral({ initial: '200ms', max: '500ms', multiplier: 2, maxAttempts: 3 })!, clock, observer: { retried: (_k, _a, ms) => delays.push(ms), gaveUp: (_k, n) => (gaveUp = n) } });
  for (let i = 0; i < 4; i++) {
    q.addRateLimited('ns/boom');
  }
  q.shutDown();
  assert.deepEqual(delays, [200, 400, 500]);
  assert.equal(gaveUp, 3);
});
