/**
 * The web-app example's operator as the fault and soak tests use it: built once per test process
 * with `ork build` (optionally with queue/resync settings patched into a copy of the Katalog),
 * its CRD installed on the test plane, and replicas started as processes with their own
 * leader-election identity (`POD_NAME`) and Lease namespace (`ORK_NAMESPACE`).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kubectl } from '../helpers/kubectl.ts';
import { runOrk, REPO_ROOT } from '../helpers/run-ork.ts';
import { startOperator, type OperatorProcess } from '../integration/e2e/operator-process.ts';
import type { TestPlane } from '../helpers/control-plane.ts';

/** Katalog settings the tests vary (reconciler.resync, reconciler.queue.maxDepth). */
export interface WebAppVariant {
  readonly resync?: string;
  readonly maxDepth?: number;
}

/** A built operator: its bundle and CRD manifest. */
export interface WebAppBuild {
  readonly bundle: string;
  readonly crds: string;
}

const builds = new Map<string, Promise<WebAppBuild>>();

/** Builds examples/web-app (a patched copy for a variant); memoized per variant within the process. */
export function buildWebApp(variant: WebAppVariant = {}): Promise<WebAppBuild> {
  const key = JSON.stringify(variant);
  let b = builds.get(key);
  if (b === undefined) {
    b = build(variant);
    builds.set(key, b);
  }
  return b;
}

async function build(variant: WebAppVariant): Promise<WebAppBuild> {
  const work = mkdtempSync(path.join(tmpdir(), 'ork-faults-'));
  const src = path.join(work, 'web-app-src');
  cpSync(path.join(REPO_ROOT, 'examples', 'web-app'), src, { recursive: true });
  const katalog = path.join(src, 'katalog.yaml');
  const text = readFileSync(katalog, 'utf8');
  const reconciler = '        reconciler:\n          workers: 3\n          resync: 30s\n';
  if (!text.includes(reconciler)) throw new Error(`examples/web-app/katalog.yaml changed: cannot find its reconciler block to patch:\n${reconciler}`);
  const queue = variant.maxDepth === undefined ? '' : `          queue:\n            maxDepth: ${variant.maxDepth}\n`;
  writeFileSync(katalog, text.replace(reconciler, `        reconciler:\n          workers: 3\n          resync: ${variant.resync ?? '30s'}\n${queue}`));
  const out = path.join(work, 'web-app');
  const r = await runOrk(['build', katalog, '-o', out]);
  if (r.code !== 0) throw new Error(`ork build of the web-app variant ${JSON.stringify(variant)} failed (exit ${r.code}):\n${r.stderr}`);
  return { bundle: path.join(out, 'dist', 'main.js'), crds: path.join(out, 'manifests', 'crds.yaml') };
}

/** Applies the WebApp CRD with `plane`'s admin kubeconfig and waits until it is Established. */
export function installCrd(plane: TestPlane, build: WebAppBuild): void {
  kubectl(['apply', '--server-side', '-f', build.crds], undefined, plane.kubeconfig);
  kubectl(['wait', '--for=condition=Established', 'crd/webapps.demo.ork.dev', '--timeout=60s'], undefined, plane.kubeconfig);
}

/** Starts one replica: identity `<name>_<random>`, Lease `web-app-leader` in `leaseNamespace`. */
export function startReplica(plane: TestPlane, build: WebAppBuild, name: string, leaseNamespace: string, env: NodeJS.ProcessEnv = {}): Promise<OperatorProcess> {
  return startOperator(build.bundle, plane.kubeconfig, { ORK_NAMESPACE: leaseNamespace, POD_NAME: name, ...env });
}

/** A parsed JSON log line of an operator. */
export interface LogLine {
  readonly time: string;
  readonly level: string;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** The operator's JSON log lines (non-JSON lines skipped), optionally only those with message `msg`. */
export function logLines(op: OperatorProcess, msg?: string): LogLine[] {
  const out: LogLine[] = [];
  for (const raw of op.lines) {
    try {
      const o = JSON.parse(raw) as LogLine;
      if (msg === undefined || o.msg === msg) out.push(o);
    } catch {
      /* not JSON */
    }
  }
  return out;
}

/** Epoch ms of the first log line with message `msg`, or undefined. */
export function loggedAt(op: OperatorProcess, msg: string): number | undefined {
  const l = logLines(op, msg)[0];
  return l === undefined ? undefined : Date.parse(l.time);
}
