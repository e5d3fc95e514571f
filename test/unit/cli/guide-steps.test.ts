/** The getting-started test's reader of guide markup and its output matcher: both must be able to fail. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/run-ork.ts';
import { guideActions, missingLine } from '../../integration/cli/guide-steps.ts';

describe('guide steps', () => {
  it('reads steps, their outputs and Ctrl-C in order; quoted markers in prose are not steps', () => {
    const md = [
      'Blocks marked `<!-- step -->` run.',
      '<!-- step -->',
      '```sh',
      'ork init x && cd x',
      '```',
      '<!-- output -->',
      '```text',
      'wrote …',
      '',
      '```',
      '<!-- step background -->',
      '```sh',
      'ork up',
      '```',
      '<!-- ctrl-c -->',
      '<!-- step wait -->',
      '```sh',
      'kubectl get x',
      '```',
    ].join('\n');
    assert.deepEqual(guideActions(md), [
      { kind: 'step', mode: 'run', script: 'ork init x && cd x', expected: ['wrote …'], line: 2 },
      { kind: 'step', mode: 'background', script: 'ork up', expected: [], line: 11 },
      { kind: 'ctrl-c', line: 15 },
      { kind: 'step', mode: 'wait', script: 'kubectl get x', expected: [], line: 16 },
    ]);
  });

  it('a marker without its block, or an output without a step, is an error naming the line', () => {
    assert.throws(() => guideActions('text\n<!-- step -->\nno block'), /guide line 2: <!-- step --> must be followed by a ```sh block/);
    assert.throws(() => guideActions('<!-- output -->\n```text\nx\n```'), /guide line 1: an output block must follow a step/);
    assert.throws(() => guideActions('<!-- step -->\n```text\nx\n```'), /```sh block/);
  });

  it('expected lines match in order, with any spacing and … for anything; a difference is reported', () => {
    const out = 'NAME    TYPE        PORT(S)    AGE\nhello   ClusterIP   80/TCP     5s\nshop    ClusterIP   80/TCP     2s\n';
    assert.equal(missingLine(['NAME TYPE PORT(S) AGE', 'hello ClusterIP 80/TCP …', 'shop ClusterIP 80/TCP …'], out), undefined);
    assert.equal(missingLine(['hello ClusterIP 8080/TCP …'], out), 'hello ClusterIP 8080/TCP …');
    assert.equal(missingLine(['shop …', 'hello …'], out), 'hello …', 'order matters');
    assert.equal(missingLine(['hello'], out), 'hello', 'a line matches whole, not as a prefix');
  });

  it('docs/getting-started.md parses', async () => {
    const actions = guideActions(await readFile(path.join(REPO_ROOT, 'docs', 'getting-started.md'), 'utf8'));
    assert.ok(actions.filter((a) => a.kind === 'step').length >= 5);
  });
});
