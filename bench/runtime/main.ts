/**
 * `npm run bench` — every runtime measure for ork's generated web-app operator and the
 * controller-runtime peer on one fresh local control plane (one system after the other, same
 * counts), ork's own memory figures, and the compile side; writes bench/results/latest.md and
 * prints it. `npm run bench -- --quick` runs small counts (a smoke run of a few minutes).
 * Options: --small N, --large N (CR counts), --systems ork,peer (which sessions run, in this order), --no-failover,
 * --no-ork-memory (15-CRD/V8-flag RSS and heap figures), --no-compile, --no-image.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../../test/helpers/run-ork.ts';
import { writeSyntheticKatalog } from '../synthetic-katalog.ts';
import { compileTable, webAppImage } from './compile-side.ts';
import { measureHeap, type HeapPoint } from './heap.ts';
import { idleMemory, nodeBaselineRss } from './memory.ts';
import { ensureNamespace, startBenchPlane } from './plane.ts';
import { renderReport } from './report.ts';
import { runSession, type SessionConfig, type SessionResult } from './session.ts';
import { buildOrkOperator, orkSystem, peerSystem, peerVersions, type SystemUnderTest } from './systems.ts';

const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    small: { type: 'string' },
    large: { type: 'string' },
    systems: { type: 'string', default: 'ork,peer' },
    'no-ork-memory': { type: 'boolean', default: false },
    'no-failover': { type: 'boolean', default: false },
    'no-compile': { type: 'boolean', default: false },
    'no-image': { type: 'boolean', default: false },
  },
});
const quick = opt.quick === true;
const cfg: SessionConfig = {
  small: Number(opt.small ?? (quick ? 20 : 100)),
  large: Number(opt.large ?? (quick ? 100 : 1000)),
  driftSamples: quick ? 5 : 20,
  startupRuns: quick ? 2 : 3,
  noopWindowMs: 40_000, // > the 30 s resync of both operators
  failover: opt['no-failover'] !== true,
};
const heapCounts = quick ? [1000] : [1000, 10000];
const log = (line: string): void => void process.stderr.write(`# ${line}\n`);
const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const t0 = Date.now();
const machine = [
  `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`,
  `load average at start: ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`,
  `ork: Node ${execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'node'), ['--version'], { encoding: 'utf8' }).trim()}; peer: ${peerVersions()}`,
];
const errors: string[] = [];

const tryOr = async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
  try {
    return await fn();
  } catch (err) {
    const msg = `${what}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
    log(`FAILED ${msg}`);
    errors.push(msg);
    return undefined;
  }
};

const bp = await startBenchPlane(log);
machine.push(`control plane: kube-apiserver ${bp.plane.k8sVersion ?? '?'} + etcd on 127.0.0.1 (compiler/plane), shared by both systems`);
let ork: SessionResult = { errors: [] };
let peer: SessionResult | undefined;
const orkRss: Array<readonly [string, number | undefined]> = [];
let heap: HeapPoint[] | undefined;
try {
  const kubectl = (...args: string[]): string => execFileSync(bp.plane.kubectl, ['--kubeconfig', bp.plane.kubeconfig, ...args], { encoding: 'utf8' });
  kubectl('apply', '--server-side', '-f', path.join(REPO_ROOT, 'examples', 'web-app', 'crd.yaml'));
  kubectl('wait', '--for=condition=Established', 'crd/webapps.demo.ork.dev', '--timeout=60s');
  const webApp = await buildOrkOperator('examples/web-app/katalog.yaml');
  const systems: SystemUnderTest[] = opt.systems.split(',').map((name) => {
    if (name === 'ork') return orkSystem(webApp.bundle);
    if (name === 'peer') return peerSystem();
    throw new Error(`bench: unknown system "${name}" in --systems (use ork, peer)`);
  });
  for (const s of systems) {
    const r = await runSession(bp, s, s.name === 'ork' ? 'ork' : 'peer', cfg, log);
    if (s.name === 'ork') ork = r;
    else peer = r;
  }

  // ork only: idle RSS for 15 CRDs, V8 flag variants, the bare-Node floor; heap per cached object.
  if (opt['no-ork-memory'] !== true) {
    const leaseNs = 'bench-ork-memory';
    await ensureNamespace(bp.admin, leaseNs);
    const synth = writeSyntheticKatalog(mkdtempSync(path.join(os.tmpdir(), 'ork-bench-15-')), 15);
    const fifteen = await tryOr('ork build of the 15-CRD Katalog', () => buildOrkOperator(synth));
    if (fifteen) {
      kubectl('apply', '--server-side', '-f', fifteen.crds);
      kubectl('wait', '--for=condition=Established', '--all', 'crd', '--timeout=60s');
      orkRss.push(['4. idle RSS, 15-CRD synthetic Katalog (MiB; target ≤ 60)', (await tryOr('15-CRD idle RSS', () => idleMemory(orkSystem(fifteen.bundle), bp.plane.kubeconfig, leaseNs)))?.rssMiB]);
    }
    const variants: ReadonlyArray<readonly [string, string[]]> = [
      ['no flags (the image passes --max-semi-space-size=1)', []],
      ['--lite-mode', ['--lite-mode']],
      ['--max-semi-space-size=1 --lite-mode', ['--max-semi-space-size=1', '--lite-mode']],
      ['--max-old-space-size=64', ['--max-old-space-size=64']],
    ];
    for (const [label, args] of variants) {
      orkRss.push([`4. idle RSS, web-app with \`${label}\` (MiB)`, (await tryOr(`idle RSS ${label}`, () => idleMemory(orkSystem(webApp.bundle), bp.plane.kubeconfig, leaseNs, args)))?.rssMiB]);
    }
    orkRss.push(['4. bare Node 24 (`node -e` with a timer) RSS floor (MiB)', await tryOr('bare Node RSS', () => nodeBaselineRss(path.join(REPO_ROOT, 'node_modules', '.bin', 'node')))]);
    heap = await tryOr('heap per cached object', () => measureHeap(bp.admin, bp.plane.kubeconfig, heapCounts));
  }
} finally {
  await bp.plane.stop();
}
machine.push(`load average at end: ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
const compile = opt['no-compile'] ? undefined : await tryOr('compile side', async () => compileTable(quick ? 1 : 3));
const image = opt['no-image'] ? undefined : await tryOr('image', () => webAppImage());

const text = renderReport({ startedAt, durationS: (Date.now() - t0) / 1000, mode: quick ? 'quick' : 'full', cfg, machine, ork, peer, orkRss, heap, compile, image, errors });
const outDir = path.join(REPO_ROOT, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, quick ? 'latest-quick.md' : 'latest.md'), text);
process.stdout.write(`${text}\n`);
const failed = errors.length + ork.errors.length + (peer?.errors.length ?? 0);
if (failed > 0) process.exitCode = 1;

