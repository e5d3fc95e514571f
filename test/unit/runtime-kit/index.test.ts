import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import path from 'node:path';
import * as kit from '../../../runtime-kit/index.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

test('the public index exports the queue, server, notify, log and metrics entry points', () => {
  for (const name of ['createWorkQueue', 'startWorkers', 'startServer', 'GatewayNotifier', 'createLogger', 'createMetrics', 'CrdHealth', 'FakeClock']) {
    assert.equal(typeof (kit as Record<string, unknown>)[name], 'function', name);
  }
});

test('runtime-kit modules are side-effect free: importing only the queue bundles no server or metrics registry', async () => {
  const out = await build({
    stdin: { contents: "import { createWorkQueue } from './runtime-kit/index.ts'; console.log(createWorkQueue);", resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    treeShaking: true,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]?.text ?? '';
  assert.match(code, /WorkQueue = class/);
  assert.doesNotMatch(code, /createServer|registerProcessMetrics|text\/plain; version=0\.0\.4|GatewayNotifier|KubeConfig|KubeClient/);
});
