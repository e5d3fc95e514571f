import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runOrk } from '../../helpers/run-ork.ts';

test('ork --version prints the package version and exits 0', async () => {
  const pkg = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile('package.json', 'utf8'))) as { version: string };
  const r = await runOrk(['--version']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trim(), pkg.version);
});

test('an unknown command is a usage error (exit 2)', async () => {
  const r = await runOrk(['no-such-command']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown command/);
});
