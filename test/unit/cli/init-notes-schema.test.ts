import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runOrk } from '../../helpers/run-ork.ts';

test('ork init writes a Katalog that validates, and refuses to overwrite without --force', async () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ork-init-')), 'shop');
  const r = await runOrk(['init', dir, '--kind', 'Store', '--group', 'shop.example.com']);
  assert.equal(r.code, 0, r.stderr);
  const v = await runOrk(['validate', path.join(dir, 'katalog.yaml')]);
  assert.equal(v.code, 0, v.stderr);
  assert.match(v.stdout, /Katalog `shop`, 1 CRD \(store: Store\.shop\.example\.com\/v1alpha1\)/);
  writeFileSync(path.join(dir, 'katalog.yaml'), '# mine\n');
  const again = await runOrk(['init', dir]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already exist/);
  assert.equal(readFileSync(path.join(dir, 'katalog.yaml'), 'utf8'), '# mine\n', 'nothing overwritten');
  assert.equal((await runOrk(['init', dir, '--force'])).code, 0);
  assert.equal((await runOrk(['init', dir, '--force', '--group', 'NotAGroup'])).code, 2);
});

test('ork notes lists the template compiler\'s functions; search filters them', async () => {
  const all = await runOrk(['notes', '--output', 'json']);
  assert.equal(all.code, 0, all.stderr);
  const list = JSON.parse(all.stdout) as Array<{ name: string }>;
  assert.ok(list.some((f) => f.name === 'printf') && list.some((f) => f.name === 'default'));
  const found = await runOrk(['notes', 'search', 'default']);
  assert.match(found.stdout, /^default /m);
  assert.doesNotMatch(found.stdout, /^printf /m);
});

test('ork schema prints the published Katalog schema', async () => {
  const r = await runOrk(['schema']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, readFileSync('docs/katalog.schema.json', 'utf8'));
});
