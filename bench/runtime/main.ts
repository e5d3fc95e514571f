/**
 * `npm run bench` — every runtime measure for ork's generated web-app operator and the
 * controller-runtime peer on one fresh local control plane: `--runs N` rounds of sessions,
 * interleaved (ork 1, peer 1, ork 2, peer 2, …, same counts), reported as the median per system
 * and the ratio of the medians; then the memory side (15-CRD idle RSS of both, heap per cached
 * object of both, ork's V8 flag variants) and the compile side; writes bench/results/latest.md
 * and prints it. `npm run bench -- --quick` runs small counts and one round (a smoke run).
 * Options: --runs N (rounds of sessions; default 3, 1 with --quick), --small N, --large N (CR
 * counts), --systems ork,peer (which sessions run, in this order within a round), --no-failover,
 * --no-memory (alias --no-ork-memory: the memory side), --no-compile, --no-image.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../../test/helpers/run-ork.ts';
import { wholeOption } from './args.ts';
import { compileTable, webAppImage } from './compile-side.ts';
import { measureMemorySide, type MemoryFigures } from './memory-side.ts';
import { startBenchPlane } from './plane.ts';
import { renderReport } from './report.ts';
import { runSession, type SessionConfig, type SessionResult } from './session.ts';
import { buildOrkOperator, orkSystem, peerSystem, peerVersions, type SystemUnderTest } from './systems.ts';
import { warmUp } from './webapps.ts';

const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    small: { type: 'string' },
    large: { type: 'string' },
    systems: { type: 'string', default: 'ork,peer' },
    'no-memory': { type: 'boolean', default: false },
    'no-ork-memory': { type: 'boolean', default: false },
    'no-failover': { type: 'boolean', default: false },
    'no-compile': { type: 'boolean', default: false },
    'no-image': { type: 'boolean', default: false },
  },
});
const quick = opt.quick === true;
const positive = (name: string, text: string | undefined, dflt: number): number => wholeOption('bench', name, text, dflt);
const runs = positive('runs', opt.runs, quick ? 1 : 3);
const cfg: SessionConfig = {
  small: positive('small', opt.small, quick ? 20 : 100),
  large: positive('large', opt.large, quick ? 100 : 1000),
  driftSamples: quick ? 5 : 20,
  startupRuns: quick ? 2 : 3,
  noopWindowMs: 40_000, // > the 30 s resync of both operators
  failover: opt['no-failover'] !== true,
};
const systemNames = opt.systems.split(',');
for (const name of systemNames) {
  if (name !== 'ork' && name !== 'peer') {
    process.stderr.write(`bench: unknown system "${name}" in --systems (use ork, peer)\n`);
    process.exit(2);
  }
}
const memory = opt['no-memory'] !== true && opt['no-ork-memory'] !== true;
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

/**
 * A rough first guess of one session's length (s), before any session has run: the WebApp's
 * 20 qps bounds convergence at ~10 CR/s, deleting the namespaces takes ~0.08 s per CR, the rest
 * (idle memory — a minute of it —, no-op window, start-up, failover) is ~145 s.
 */
const guessSessionS = 145 + (cfg.small + cfg.large) / 10 + cfg.large * 0.08 - (cfg.failover ? 0 : 25);
const sessionsTotal = runs * systemNames.length;
log(`${runs} run(s) × ${systemNames.length} system(s) = ${sessionsTotal} sessions; first estimate ~${Math.round((sessionsTotal * guessSessionS) / 60)} min of sessions${memory ? ' + ~8–10 min memory side' : ''}`);

const bp = await startBenchPlane(log);
machine.push(`control plane: kube-apiserver ${bp.plane.k8sVersion ?? '?'} + etcd on 127.0.0.1 (compiler/plane), shared by both systems`);
const results: Record<'ork' | 'peer', SessionResult[]> = { ork: [], peer: [] };
const sessionS: string[] = [];
let memoryFigures: MemoryFigures | undefined;
try {
  const kubectl = (...args: string[]): string => execFileSync(bp.plane.kubectl, ['--kubeconfig', bp.plane.kubeconfig, ...args], { encoding: 'utf8' });
  kubectl('apply', '--server-side', '-f', path.join(REPO_ROOT, 'examples', 'web-app', 'crd.yaml'));
  kubectl('wait', '--for=condition=Established', 'crd/webapps.demo.ork.dev', '--timeout=60s');
  await warmUp(bp.admin);
  const webApp = await buildOrkOperator('examples/web-app/katalog.yaml');
  const systems: Record<'ork' | 'peer', SystemUnderTest> = { ork: orkSystem(webApp.bundle), peer: peerSystem() };
  const durations: number[] = [];
  // Interleaved so both systems see the same machine conditions; each session clears its
  // namespaces (bench-<tag>-a, -b) and waits until they are gone, so every run reuses the tags.
  for (let run = 1; run <= runs; run++) {
    for (const tag of systemNames as Array<'ork' | 'peer'>) {
      const s0 = Date.now();
      log(`run ${run}/${runs}: ${systems[tag].name} session…`);
      results[tag].push(await runSession(bp, systems[tag], tag, cfg, log));
      const took = (Date.now() - s0) / 1000;
      durations.push(took);
      sessionS.push(`run ${run} ${tag} ${took.toFixed(0)} s`);
      const left = sessionsTotal - durations.length;
      const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
      log(`run ${run}/${runs}: ${systems[tag].name} session done in ${took.toFixed(0)} s; ${left} session(s) left, ~${Math.round((left * mean) / 60)} min`);
    }
  }
  if (memory) {
    memoryFigures = await measureMemorySide(bp, { runs, heapCounts, withPeer: systemNames.includes('peer'), webAppBundle: webApp.bundle, log, tryOr });
  }
} finally {
  await bp.plane.stop();
}
machine.push(`sessions: ${sessionS.join(', ') || 'none'}`);
machine.push(`load average at end: ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
const compile = opt['no-compile'] ? undefined : await tryOr('compile side', async () => compileTable(quick ? 1 : 3));
const image = opt['no-image'] ? undefined : await tryOr('image', () => webAppImage());

const text = renderReport({ startedAt, durationS: (Date.now() - t0) / 1000, mode: quick ? 'quick' : 'full', cfg, runs, machine, ork: results.ork, peer: results.peer, memory: memoryFigures, compile, image, errors });
const outDir = path.join(REPO_ROOT, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, quick ? 'latest-quick.md' : 'latest.md'), text);
process.stdout.write(`${text}\n`);
const failed = errors.length + [...results.ork, ...results.peer].reduce((n, s) => n + s.errors.length, 0);
if (failed > 0) process.exitCode = 1;
