/**
 * Every example, all the way: `ork build <katalog> --image` (generate, bundle, FROM-scratch
 * image with podman) and the image runs `version`. Skipped with a message when podman is not
 * installed (`bash test/image/ensure-podman`).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runOrk } from '../../helpers/run-ork.ts';
import { uniqueSuffix } from '../../helpers/control-plane.ts';
import { podmanRunArgs } from '../../../compiler/build/image/index.ts';
import { exampleNames } from '../../../scripts/update-generated.ts';

const hasPodman = spawnSync('podman', ['--version']).status === 0;
const skip = hasPodman ? false : 'podman is not installed: run `bash test/image/ensure-podman` as root';
const work = mkdtempSync(path.join(tmpdir(), 'ork-images-'));
const tags: string[] = [];
after(() => {
  for (const t of tags) spawnSync('podman', ['rmi', '--force', t]);
  rmSync(work, { recursive: true, force: true });
});

for (const name of exampleNames()) {
  test(`${name}: ork build --image, and the image prints its version`, { skip, timeout: 300_000 }, async () => {
    const tag = `localhost/ork-test/${name}-operator:${uniqueSuffix()}`;
    tags.push(tag);
    const out = path.join(work, name);
    const r = await runOrk(['build', `examples/${name}/katalog.yaml`, '-o', out, '--image', tag]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`image ${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const pkg = JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8')) as { name: string; version: string };
    const version = execFileSync('podman', ['run', '--rm', ...podmanRunArgs(), tag, 'version'], { encoding: 'utf8' });
    assert.equal(version, `${pkg.name} ${pkg.version}\n`);
  });
}
