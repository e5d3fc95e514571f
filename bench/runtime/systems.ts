/**
 * The two systems under test, started the same way: ork's generated web-app operator (built
 * fresh from examples/web-app with `ork build`) and the controller-runtime peer
 * (bench/peers/controller-runtime, built once into ~/.cache/ork/bench-peers/, keyed by a hash of
 * its sources). Both take the admin kubeconfig, hold their Lease in a namespace of their own,
 * and expose a reconcile counter over HTTP.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runOrk, REPO_ROOT } from '../../test/helpers/run-ork.ts';
import { startProcess, type RunningProcess } from './process.ts';
import { OPERATOR_NODE_FLAGS } from '../../compiler/emit/project.ts';

const NODE = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
const PEER_DIR = path.join(REPO_ROOT, 'bench', 'peers', 'controller-runtime');

/** A started operator process. */
export interface RunningSystem {
  readonly proc: RunningProcess;
  /** Reconciles so far (all results), from the operator's own /metrics. */
  reconciles(): Promise<number>;
  /** Heap in use, from the operator's own /metrics (Node: nodejs_heap_size_used_bytes; Go: go_memstats_heap_alloc_bytes), MiB. */
  heapUsedMiB(): Promise<number>;
  /** Whether this replica holds the Lease, from its /metrics (ork: ork_leader; controller-runtime: leader_election_master_status). */
  leading(): Promise<boolean>;
  /** Arrival time of the "caches synced" log line. */
  synced(timeoutMs?: number): Promise<number>;
}

/** How to start one system. */
export interface SystemUnderTest {
  readonly name: string;
  /** Starts one replica; `leaseNamespace` must exist. `nodeArgs` are V8/Node flags (ork only; default the image's). */
  start(opts: { kubeconfig: string; leaseNamespace: string; nodeArgs?: readonly string[] }): Promise<RunningSystem>;
}

/** `ork build` of a Katalog into a temporary directory; returns the bundle and the CRD manifest. */
export async function buildOrkOperator(katalog: string): Promise<{ bundle: string; crds: string }> {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'ork-bench-build-')), 'operator');
  const r = await runOrk(['build', katalog, '-o', out]);
  if (r.code !== 0) throw new Error(`bench: ork build ${katalog} failed (exit ${r.code}):\n${r.stderr}`);
  return { bundle: path.join(out, 'dist', 'main.js'), crds: path.join(out, 'manifests', 'crds.yaml') };
}

/** ork's generated operator from `bundle`, by default with the Node flags its image's ENTRYPOINT passes. */
export function orkSystem(bundle: string, name = 'ork'): SystemUnderTest {
  return {
    name,
    async start({ kubeconfig, leaseNamespace, nodeArgs = OPERATOR_NODE_FLAGS }) {
      const proc = startProcess(NODE, [...nodeArgs, bundle, '--kubeconfig', kubeconfig], { ORK_PORT: '0', ORK_NAMESPACE: leaseNamespace, ORK_LOG_LEVEL: 'info' });
      await proc.waitForLine(/"msg":"operator starting"/, 60_000);
      const line = proc.lines.find((l) => l.text.includes('"msg":"operator starting"'))!;
      const port = (JSON.parse(line.text) as { port: number }).port;
      return running(proc, `http://127.0.0.1:${port}/metrics`, /^ork_reconcile_total\{/, /^nodejs_heap_size_used_bytes[{ ]/, /^ork_leader[{ ]/);
    },
  };
}

/**
 * The controller-runtime peer (builds it first if its cached binary is missing); `peerArgs` select
 * another mode, e.g. `['--crds', file]` for the synthetic controllers instead of the WebApp one.
 */
export function peerSystem(peerArgs: readonly string[] = [], name = 'controller-runtime'): SystemUnderTest {
  let binary: string | undefined;
  return {
    name,
    async start({ kubeconfig, leaseNamespace }) {
      binary ??= buildPeer();
      const port = await freePort();
      const proc = startProcess(binary, ['--kubeconfig', kubeconfig, '--namespace', leaseNamespace, '--metrics-bind-address', `127.0.0.1:${port}`, ...peerArgs]);
      await proc.waitForLine(/"msg":"peer starting"/, 60_000);
      return running(proc, `http://127.0.0.1:${port}/metrics`, /^controller_runtime_reconcile_total\{[^}]*controller="webapp"/, /^go_memstats_heap_alloc_bytes[{ ]/, /^leader_election_master_status[{ ]/);
    },
  };
}

/** Builds the peer into ~/.cache/ork/bench-peers/ (once per source hash); returns the binary. */
export function buildPeer(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(PEER_DIR).filter((f) => /\.(go|mod|sum)$/.test(f)).sort()) h.update(f).update(readFileSync(path.join(PEER_DIR, f)));
  const dir = path.join(os.homedir(), '.cache', 'ork', 'bench-peers');
  const binary = path.join(dir, `webapp-peer-${h.digest('hex').slice(0, 12)}`);
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`# building the controller-runtime peer into ${binary} (first run: a few minutes)\n`);
  execFileSync('go', ['build', '-trimpath', '-o', binary, '.'], { cwd: PEER_DIR, stdio: ['ignore', 'inherit', 'inherit'] });
  return binary;
}

/** The Go toolchain's and modules' versions the peer was built with (for the machine notes). */
export function peerVersions(): string {
  const mod = readFileSync(path.join(PEER_DIR, 'go.mod'), 'utf8');
  const v = (m: string): string => new RegExp(`${m.replace(/[./]/g, '\\$&')} (v[^\\s]+)`).exec(mod)?.[1] ?? '?';
  const go = execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim();
  return `${go}, controller-runtime ${v('sigs.k8s.io/controller-runtime')}, client-go ${v('k8s.io/client-go')}`;
}

function running(proc: RunningProcess, metricsUrl: string, reconcileSeries: RegExp, heapSeries: RegExp, leaderSeries: RegExp): RunningSystem {
  const sum = async (series: RegExp): Promise<number> => {
    const text = await (await fetch(metricsUrl)).text();
    let n = 0;
    for (const line of text.split('\n')) if (series.test(line)) n += Number(line.slice(line.lastIndexOf('}') + 1 || line.indexOf(' ')).trim().split(' ')[0]);
    return n;
  };
  return {
    proc,
    synced: (timeoutMs = 120_000) => proc.waitForLine(/"msg":"caches synced"/, timeoutMs),
    reconciles: () => sum(reconcileSeries),
    heapUsedMiB: async () => (await sum(heapSeries)) / 2 ** 20,
    leading: async () => (await sum(leaderSeries)) > 0,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
