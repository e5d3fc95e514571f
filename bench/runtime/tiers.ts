/**
 * `npm run bench:tiers` — what V8's compiler tiers cost and buy ork's web-app operator under
 * load, for each flag set of `v8-variants.ts`, on one fresh local control plane, `--rounds N`
 * rounds (default 3) with the variants alternated inside each round; prints medians.
 *
 * Two loads, chosen to be the operator's real work, not a micro-benchmark:
 * - **converge**: `--crs N` WebApps (default 300) created at once in a fresh namespace → all
 *   Ready: wall time, operator CPU, create→Ready p50, RSS right after;
 * - **restart**: the operator started against `--restart-crs N` converged WebApps (default
 *   1,000, with their 2,000 children): spawn → caches synced, spawn → every CR reconciled once
 *   (all no-ops), the CPU spent until then, and RSS 45 s later (once V8 had time to tier up).
 * Each variant holds the Lease in a namespace of its own; one runs at a time.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../../test/helpers/run-ork.ts';
import { wholeOption } from './args.ts';
import { ensureNamespace, startBenchPlane, type BenchPlane } from './plane.ts';
import { cpuSeconds, rssMiB } from './process.ts';
import { untilReconciled } from './startup.ts';
import { fmt, median } from './stats.ts';
import { buildOrkOperator, orkSystem } from './systems.ts';
import { crNames, measureThroughput } from './throughput.ts';
import { V8_VARIANTS, type V8Variant } from './v8-variants.ts';
import { clearNamespacesAndWait, NamespaceObserver, warmUp } from './webapps.ts';

const { values: opt } = parseArgs({ options: { rounds: { type: 'string' }, crs: { type: 'string' }, 'restart-crs': { type: 'string' } } });
const rounds = wholeOption('bench:tiers', 'rounds', opt.rounds, 3);
const convergeCrs = wholeOption('bench:tiers', 'crs', opt.crs, 300);
const restartCrs = wholeOption('bench:tiers', 'restart-crs', opt['restart-crs'], 1000);
const variants = V8_VARIANTS.filter((v) => v.name !== 'none');
const log = (line: string): void => void process.stderr.write(`# ${line}\n`);
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One variant's figures per round. */
interface Figures {
  convergeS: number[];
  convergeCpuS: number[];
  convergeP50Ms: number[];
  convergeRssMiB: number[];
  syncedMs: number[];
  restartMs: number[];
  restartCpuS: number[];
  restartRss45sMiB: number[];
}

/** `convergeCrs` WebApps created at once in a fresh namespace, with `v` running them. */
async function converge(bp: BenchPlane, bundle: string, v: V8Variant, round: number, f: Figures): Promise<void> {
  const ns = `tiers-${v.name}-${round}`;
  await ensureNamespace(bp.admin, ns);
  const observer = new NamespaceObserver(bp.admin, ns);
  await observer.start();
  const s = await orkSystem(bundle).start({ kubeconfig: bp.operatorKubeconfig, leaseNamespace: `tiers-lease-${v.name}`, nodeArgs: v.args });
  try {
    await s.synced();
    const t = await measureThroughput(bp.plane, bp.admin, observer, crNames('app', convergeCrs), s.proc.pid);
    f.convergeS.push(t.totalS);
    f.convergeCpuS.push(t.cpuS);
    f.convergeP50Ms.push(t.p50Ms);
    f.convergeRssMiB.push(rssMiB(s.proc.pid));
  } finally {
    await s.proc.stop();
    await observer.stop();
  }
  await clearNamespacesAndWait(bp.admin, [ns], 600_000);
}

/** `v` started against the `restartCrs` converged WebApps of `tiers-restart`. */
async function restart(bp: BenchPlane, bundle: string, v: V8Variant, f: Figures): Promise<void> {
  const s = await orkSystem(bundle).start({ kubeconfig: bp.operatorKubeconfig, leaseNamespace: `tiers-lease-${v.name}`, nodeArgs: v.args });
  try {
    f.syncedMs.push((await s.synced()) - s.proc.spawnedAt);
    await untilReconciled(s, v.name, restartCrs);
    f.restartMs.push(Date.now() - s.proc.spawnedAt);
    f.restartCpuS.push(cpuSeconds(s.proc.pid));
    await pause(45_000);
    f.restartRss45sMiB.push(rssMiB(s.proc.pid));
  } finally {
    await s.proc.stop();
  }
}

const t0 = Date.now();
const bp = await startBenchPlane(log);
try {
  const kubectl = (...args: string[]): string => execFileSync(bp.plane.kubectl, ['--kubeconfig', bp.plane.kubeconfig, ...args], { encoding: 'utf8' });
  kubectl('apply', '--server-side', '-f', path.join(REPO_ROOT, 'examples', 'web-app', 'crd.yaml'));
  kubectl('wait', '--for=condition=Established', 'crd/webapps.demo.ork.dev', '--timeout=60s');
  const { bundle } = await buildOrkOperator(path.join(REPO_ROOT, 'examples', 'web-app', 'katalog.yaml'));
  for (const v of variants) await ensureNamespace(bp.admin, `tiers-lease-${v.name}`);
  await warmUp(bp.admin);
  const figures = new Map(variants.map((v) => [v.name, { convergeS: [], convergeCpuS: [], convergeP50Ms: [], convergeRssMiB: [], syncedMs: [], restartMs: [], restartCpuS: [], restartRss45sMiB: [] } as Figures]));
  for (let round = 1; round <= rounds; round++) {
    for (const v of variants) {
      log(`converge: ${v.name}, round ${round}/${rounds}`);
      await converge(bp, bundle, v, round, figures.get(v.name)!);
    }
  }
  log(`restart: converging ${restartCrs} WebApps once (image flags)`);
  await ensureNamespace(bp.admin, 'tiers-restart');
  const observer = new NamespaceObserver(bp.admin, 'tiers-restart');
  await observer.start();
  const s = await orkSystem(bundle).start({ kubeconfig: bp.operatorKubeconfig, leaseNamespace: 'tiers-lease-image' });
  await s.synced();
  await measureThroughput(bp.plane, bp.admin, observer, crNames('app', restartCrs), s.proc.pid);
  await s.proc.stop();
  await observer.stop();
  for (let round = 1; round <= rounds; round++) {
    for (const v of variants) {
      log(`restart: ${v.name}, round ${round}/${rounds}`);
      await restart(bp, bundle, v, figures.get(v.name)!);
    }
  }
  const row = (v: V8Variant): string => {
    const f = figures.get(v.name)!;
    const m = (xs: number[], digits: number): string => `${fmt(median(xs), digits)} (${xs.map((x) => fmt(x, digits)).join(' / ')})`;
    return `| ${v.label} | ${m(f.convergeS, 1)} | ${m(f.convergeCpuS, 2)} | ${fmt(median(f.convergeP50Ms))} | ${m(f.convergeRssMiB, 1)} | ${fmt(median(f.syncedMs))} | ${m(f.restartMs, 0)} | ${m(f.restartCpuS, 2)} | ${m(f.restartRss45sMiB, 1)} |`;
  };
  process.stdout.write(
    [
      `V8 tiers under load: median of ${rounds} round(s), variants alternated (each run in brackets, in round order); ${Math.round((Date.now() - t0) / 1000)} s.`,
      '',
      `| flags | ${convergeCrs} CRs → Ready (s) | CPU (s) | p50 (ms) | RSS after (MiB) | restart: synced (ms) | all ${restartCrs} reconciled (ms) | CPU (s) | RSS 45 s later (MiB) |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...variants.map(row),
      '',
    ].join('\n'),
  );
} finally {
  await bp.plane.stop();
}
