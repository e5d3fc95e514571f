/**
 * Every example Katalog with sample CRs, end to end with its operator run as a process (issue
 * #8): one data-driven test per example, the life described in example-e2e.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { runOrk } from '../../helpers/run-ork.ts';
import { startOperator } from './operator-process.ts';
import { examplesWithSampleCrs } from './isolated-example.ts';
import { exampleEndToEnd, type OperatorLauncher } from './example-e2e.ts';

/** `ork build` (generate + bundle), then `node dist/main.js` as a child process. */
const asProcess: OperatorLauncher = {
  label: 'process',
  async build(_t, iso, out) {
    const built = await runOrk(['build', iso.katalog, '-o', out]);
    assert.equal(built.code, 0, built.stderr);
  },
  async start(_t, out, kubeconfig, env) {
    const op = await startOperator(path.join(out, 'dist', 'main.js'), kubeconfig, env);
    return { logs: () => op.lines, stop: () => op.stop() };
  },
};

for (const example of examplesWithSampleCrs()) {
  test(`${example}: build, run with the SA token, children/status/Events as simulated, drift, spec change, delete`, { timeout: 180_000 }, (t) => exampleEndToEnd(t, example, asProcess));
}
