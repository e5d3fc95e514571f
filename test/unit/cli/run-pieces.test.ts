/**
 * The parts of `ork run` that need no cluster: kubeconfig resolution order, port parsing and the
 * taken-port check, the Katalog snapshot (what is watched, what forces a rebuild), the debounced
 * directory watch (editors save by rename).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/run-ork.ts';
import { CliError } from '../../../compiler/cli/exit.ts';
import { resolveRunCluster } from '../../../compiler/cli/run/run-cluster.ts';
import { assertPortFree, parsePort } from '../../../compiler/cli/run/port-check.ts';
import { setupFiles, snapshotOf } from '../../../compiler/cli/run/katalog-snapshot.ts';
import { watchFiles } from '../../../compiler/cli/run/watch-files.ts';
import { validateKatalog } from '../../../compiler/validate.ts';

async function scratch(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'ork-run-unit-'));
}

async function copyWebApp(dir: string): Promise<string> {
  for (const f of ['katalog.yaml', 'crd.yaml', 'cr.yaml']) await writeFile(path.join(dir, f), await readFile(path.join(REPO_ROOT, 'examples', 'web-app', f)));
  return path.join(dir, 'katalog.yaml');
}

describe('ork run: which kubeconfig', () => {
  it('--kubeconfig, then $KUBECONFIG (first entry), then ~/.kube/config', async () => {
    const dir = await scratch();
    try {
      const a = path.join(dir, 'a');
      const b = path.join(dir, 'b');
      await writeFile(a, '');
      await writeFile(b, '');
      await mkdir(path.join(dir, 'home', '.kube'), { recursive: true });
      await writeFile(path.join(dir, 'home', '.kube', 'config'), '');
      const env = { HOME: path.join(dir, 'home'), KUBECONFIG: `${b}${path.delimiter}${a}` };
      assert.equal((await resolveRunCluster('a', dir, env)).kubeconfig, a);
      assert.deepEqual(await resolveRunCluster(undefined, dir, env), { kubeconfig: b, kubectl: 'kubectl', source: '$KUBECONFIG' });
      const home = await resolveRunCluster(undefined, dir, { HOME: env.HOME, ORK_KUBECTL: '/opt/kubectl' });
      assert.deepEqual(home, { kubeconfig: path.join(dir, 'home', '.kube', 'config'), kubectl: '/opt/kubectl', source: '~/.kube/config' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a named file that does not exist, and no cluster at all, are clear errors', async () => {
    const dir = await scratch();
    try {
      await assert.rejects(resolveRunCluster('nope', dir, {}), (e: unknown) => e instanceof CliError && /kubeconfig .*nope \(--kubeconfig\) does not exist/.test(e.message));
      await assert.rejects(
        resolveRunCluster(undefined, dir, { HOME: dir }),
        (e: unknown) => e instanceof CliError && /no cluster to run against/.test(e.message) && /ork plane start/.test(e.hint ?? ''),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('ork run: port', () => {
  it('parses --port, else ORK_PORT; refuses what is not a port', () => {
    assert.equal(parsePort('8081', {}), 8081);
    assert.equal(parsePort(undefined, { ORK_PORT: '9090' }), 9090);
    assert.equal(parsePort(undefined, {}), undefined);
    assert.equal(parsePort('0', {}), 0);
    for (const bad of ['x', '70000', '-1', '80.5']) assert.throws(() => parsePort(bad, {}), CliError);
  });

  it('a port something listens on is refused with a hint for another port; a free one passes', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      await assert.rejects(assertPortFree(port), (e: unknown) => e instanceof CliError && e.message === `port ${port} is already in use (another \`ork run\` or \`ork up\`?)` && e.hint === `give this operator another port: --port ${port + 1} (or ORK_PORT)`);
    } finally {
      await new Promise((r) => server.close(r));
    }
    await assertPortFree(port);
    await assertPortFree(0);
  });
});

describe('ork run: Katalog snapshot', () => {
  it('watches the Katalog, its crdFile and crFiles; only the Katalog and CRD change the build key', async () => {
    const dir = await scratch();
    try {
      const katalog = await copyWebApp(dir);
      const s1 = snapshotOf(katalog, validateKatalog(katalog));
      assert.deepEqual([...s1.files].sort(), ['cr.yaml', 'crd.yaml', 'katalog.yaml'].map((f) => path.join(dir, f)));
      assert.deepEqual([...s1.crFiles.keys()], [path.join(dir, 'cr.yaml')]);
      await writeFile(path.join(dir, 'cr.yaml'), (await readFile(path.join(dir, 'cr.yaml'), 'utf8')).replace('hi there', 'hi again'));
      const s2 = snapshotOf(katalog, validateKatalog(katalog));
      assert.equal(s2.buildKey, s1.buildKey, 'a sample CR edit needs no rebuild');
      assert.notEqual(s2.crFiles.get(path.join(dir, 'cr.yaml')), s1.crFiles.get(path.join(dir, 'cr.yaml')));
      await writeFile(path.join(dir, 'crd.yaml'), `${await readFile(path.join(dir, 'crd.yaml'), 'utf8')}\n# edited\n`);
      assert.notEqual(snapshotOf(katalog, validateKatalog(katalog)).buildKey, s1.buildKey, 'a CRD edit does');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('setup files (the list form) are watched and carried with their text; the block form is counted', async () => {
    const dir = await scratch();
    try {
      const katalog = await copyWebApp(dir);
      await writeFile(path.join(dir, 'setup.yaml'), 'kind: ConfigMap');
      await writeFile(katalog, (await readFile(katalog, 'utf8')).replace('        - ./cr.yaml\n', '        - ./cr.yaml\n      setup:\n        - ./setup.yaml\n        - ./missing.yaml\n'));
      const v = validateKatalog(katalog);
      assert.ok(v.model, JSON.stringify(v.diagnostics));
      const s = snapshotOf(katalog, v);
      assert.deepEqual([...s.setupFiles], [[path.join(dir, 'setup.yaml'), 'kind: ConfigMap'], [path.join(dir, 'missing.yaml'), '']]);
      assert.ok(s.files.includes(path.join(dir, 'setup.yaml')));
      assert.deepEqual(setupFiles(katalog, v.model), { files: [path.join(dir, 'setup.yaml'), path.join(dir, 'missing.yaml')], blocks: 0 });
      await writeFile(katalog, (await readFile(katalog, 'utf8')).replace(/ {6}setup:\n(?: {8}- .*\n)+/, '      setup:\n        helm: {}\n'));
      const v2 = validateKatalog(katalog);
      assert.ok(v2.model, JSON.stringify(v2.diagnostics));
      assert.deepEqual(setupFiles(katalog, v2.model), { files: [], blocks: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('an invalid Katalog still names its files to watch', async () => {
    const dir = await scratch();
    try {
      const katalog = await copyWebApp(dir);
      await writeFile(katalog, (await readFile(katalog, 'utf8')).replace('default 2 }}', 'default 2 }'));
      const v = validateKatalog(katalog);
      assert.equal(v.model, undefined);
      assert.ok(snapshotOf(katalog, v).files.includes(katalog));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('ork run: file watch', () => {
  it('a save by rename (as editors do) fires once after the quiet period; other files in the folder do not', async () => {
    const dir = await scratch();
    const file = path.join(dir, 'katalog.yaml');
    await writeFile(file, 'a');
    let fired = 0;
    const w = watchFiles([file], () => fired++, 100);
    try {
      await writeFile(path.join(dir, '.katalog.yaml.swp'), 'x');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(fired, 0, 'an unrelated file in the folder');
      for (let i = 0; i < 3; i++) {
        await writeFile(path.join(dir, 'tmp'), `b${i}`);
        await rename(path.join(dir, 'tmp'), file);
      }
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(fired, 1, 'three quick saves, one change');
      w.setFiles([path.join(dir, 'other.yaml')]);
      await writeFile(file, 'c');
      await writeFile(path.join(dir, 'other.yaml'), 'c');
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(fired, 2);
    } finally {
      w.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
