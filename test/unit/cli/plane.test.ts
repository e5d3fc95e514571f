/** The `ork plane` / `ork up` command surface, without a control plane (nothing is started here). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, runOrk } from '../../helpers/run-ork.ts';

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'ork-plane-unit-'));
}

test('ork plane without a subcommand is a usage error (exit 2)', async () => {
  const r = await runOrk(['plane']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /missing subcommand: use ork plane start\|stop\|status/);
});

test('ork plane with an unknown subcommand is a usage error (exit 2)', async () => {
  const r = await runOrk(['plane', 'launch']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown subcommand 'launch'/);
});

test('ork plane status --output accepts only text and json (exit 2)', async () => {
  const r = await runOrk(['plane', 'status', '--output', 'yaml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Allowed choices are text, json/);
});

test('ork plane status says nothing runs when there is no plane (text and json, exit 0)', async () => {
  const cwd = await tempDir();
  try {
    const text = await runOrk(['plane', 'status'], { cwd });
    assert.equal(text.code, 0, text.stderr);
    assert.equal(text.stdout, `control plane: not running (run directory ${path.join(cwd, '.ork', 'plane')})\n`);
    const json = await runOrk(['plane', 'status', '--output', 'json'], { cwd });
    assert.equal(json.code, 0, json.stderr);
    const st = JSON.parse(json.stdout) as { state: string; dir: string; processes: Record<string, { running: boolean }> };
    assert.equal(st.state, 'stopped');
    assert.equal(st.dir, path.join(cwd, '.ork', 'plane'));
    assert.deepEqual(Object.values(st.processes).map((p) => p.running), [false, false, false]);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
});

test('ork plane stop with nothing running succeeds and says so', async () => {
  const cwd = await tempDir();
  try {
    const r = await runOrk(['plane', 'stop'], { cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /no control plane was running/);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
});

test('ork up reports a missing --kubeconfig file as an error with a hint, no stack trace (exit 1)', async () => {
  const cwd = await tempDir();
  try {
    for (const f of ['katalog.yaml', 'crd.yaml', 'cr.yaml']) await writeFile(path.join(cwd, f), await readFile(path.join(REPO_ROOT, 'examples', 'web-app', f)));
    const r = await runOrk(['up', '--kubeconfig', 'nope.yaml'], { cwd });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /ork: kubeconfig .*nope\.yaml does not exist\nhint: /);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
});

test('ork up on an invalid Katalog starts nothing (exit 1, positioned error)', async () => {
  const cwd = await tempDir();
  try {
    const r = await runOrk(['up', path.join(REPO_ROOT, 'examples', 'invalid', 'ork014-unknown-dependency.yaml')], { cwd });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /error\[ORK014\]/);
    assert.match(r.stderr, /nothing started/);
    assert.equal(existsSync(path.join(cwd, '.ork', 'plane')), false);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
});
