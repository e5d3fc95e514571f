/**
 * The image's root file system: exactly the expected files (Node, the libraries ldd names,
 * passwd/group, CA bundle, the bundle), normalised modes and mtimes, a non-root user, no shell.
 * Uses the real pinned Node binary and this machine's Debian packages (skipped elsewhere).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assembleRootfs, GROUP, PASSWD } from '../../../compiler/build/image/index.ts';
import { parseLdd } from '../../../compiler/build/image/shared-libs.ts';

const debian = spawnSync('dpkg-query', ['--version']).status === 0 && spawnSync('ldd', ['--version']).status === 0;
const skip = debian ? false : 'needs a Debian machine (dpkg-query, ldd)';

const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fake generated project with a bundle in dist/ (removed after the tests). */
function project(withLegal: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ork-rootfs-'));
  made.push(dir);
  mkdirSync(path.join(dir, 'dist'));
  writeFileSync(path.join(dir, 'dist', 'main.js'), 'console.log("x-operator 1.0.0");\n//# sourceMappingURL=main.js.map\n');
  writeFileSync(path.join(dir, 'dist', 'main.js.map'), '{"version":3,"sources":[],"mappings":""}\n');
  if (withLegal) writeFileSync(path.join(dir, 'dist', 'main.js.LEGAL.txt'), 'Bundled license information:\n');
  return dir;
}

test('parseLdd: absolute paths sorted, vDSO skipped, a missing library is an error', () => {
  const out = [
    '\tlinux-vdso.so.1 (0x00007ffd)',
    '\tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f)',
    '\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)',
    '\t/lib64/ld-linux-x86-64.so.2 (0x00007f)',
    '',
  ].join('\n');
  assert.deepEqual(parseLdd(out), ['/lib/x86_64-linux-gnu/libc.so.6', '/lib/x86_64-linux-gnu/libstdc++.so.6', '/lib64/ld-linux-x86-64.so.2']);
  assert.throws(() => parseLdd('\tlibfoo.so.1 => not found\n'), /missing: libfoo\.so\.1/);
});

test('rootfs: exactly node, its libraries, passwd/group, CA bundle and the bundle; modes and mtimes normalised', { skip }, async () => {
  const dir = project(true);
  const r = await assembleRootfs(dir, { strip: false, epoch: 1_700_000_000 });
  assert.equal(r.dir, path.join(dir, 'dist', 'image', 'rootfs'));
  const libs = parseLdd(execFileSync('ldd', [r.node.path], { encoding: 'utf8' }));
  const dirsOf = (p: string): string[] => {
    const parts = p.split('/').slice(1, -1);
    return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
  };
  const files = ['/app/main.js', '/app/main.js.LEGAL.txt', '/app/main.js.map', '/bin/node', '/etc/group', '/etc/passwd', '/etc/ssl/certs/ca-certificates.crt', ...libs];
  const expected = [...new Set([...files, ...files.flatMap(dirsOf)])].sort();
  assert.deepEqual(r.entries.map((e) => e.path), expected);
  for (const e of r.entries) {
    const st = statSync(path.join(r.dir, e.path));
    assert.equal(st.mtimeMs, 1_700_000_000_000, `${e.path} mtime`);
    if (e.type === 'dir') assert.equal(e.mode, 0o755, e.path);
    else if (e.path === '/bin/node' || e.path.startsWith('/lib64/')) assert.equal(e.mode, 0o755, e.path);
    else assert.ok(e.mode === 0o644 || (e.path.startsWith('/lib/') && e.mode === 0o755), `${e.path} mode ${e.mode.toString(8)}`);
  }
  assert.equal(readFileSync(path.join(r.dir, 'etc/passwd'), 'utf8'), PASSWD);
  assert.equal(readFileSync(path.join(r.dir, 'etc/group'), 'utf8'), GROUP);
  assert.match(PASSWD, /^nonroot:x:65532:65532:nonroot:\/nonexistent:\/sbin\/nologin$/m);
  assert.doesNotMatch(PASSWD, /\/bin\/(ba)?sh/);
  for (const shell of ['/bin/sh', '/bin/bash', '/usr/bin/apt', '/usr/bin/dpkg', '/sbin/nologin']) assert.ok(!r.entries.some((e) => e.path === shell), `${shell} must not exist`);
  assert.equal(r.node.stripped, false);
  assert.equal(r.sizes.node, r.node.bytes, 'unstripped copy has the original size');
  assert.deepEqual([...new Set(r.libs.map((l) => l.pkg.name))].sort(), ['libc6', 'libgcc-s1', 'libstdc++6']);
  assert.equal(r.caCertificates.name, 'ca-certificates');
  assert.equal(r.sizes.total, r.entries.reduce((n, e) => n + e.bytes, 0));
  // the copied binary is the real thing
  assert.equal(execFileSync(path.join(r.dir, 'bin/node'), ['--version'], { encoding: 'utf8' }).trim(), `v${r.node.version}`);
});

test('rootfs: the LEGAL file is optional; strip makes node smaller and it still runs; reassembling gives the same tree', { skip }, async () => {
  const dir = project(false);
  const a = await assembleRootfs(dir, { epoch: 0 });
  assert.ok(!a.entries.some((e) => e.path === '/app/main.js.LEGAL.txt'));
  const hasStrip = spawnSync('strip', ['--version']).status === 0;
  assert.equal(a.node.stripped, hasStrip);
  if (hasStrip) assert.ok(a.sizes.node < a.node.bytes, `stripped ${a.sizes.node} < ${a.node.bytes}`);
  assert.equal(execFileSync(path.join(a.dir, 'bin/node'), ['-p', '1+1'], { encoding: 'utf8' }).trim(), '2');
  const b = await assembleRootfs(dir, { epoch: 0, outDir: path.join(dir, 'again') });
  assert.deepEqual(b.entries, a.entries);
});
