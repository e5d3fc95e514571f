/**
 * The local control plane (etcd + kube-apiserver + kube-controller-manager on 127.0.0.1) as a
 * TypeScript API, used by the integration tests and by `ork plane` / `ork up`. It drives
 * test/control-plane/plane.sh, which is the one implementation (see docs/control-plane.md).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureBinaries, tail, versionOfBinDir } from './binaries.ts';
import { PlaneError } from './plane-error.ts';
import { parseKeyValues, runScript, type PlaneLogger } from './run-script.ts';

/** A running control plane. */
export interface ControlPlane {
  /** Run directory: certificates, kubeconfigs, logs, PID files. */
  readonly dir: string;
  /** Admin kubeconfig (system:masters, bearer token + CA). */
  readonly kubeconfig: string;
  /** Admin kubeconfig authenticating with a client certificate instead of a token. */
  readonly certKubeconfig: string;
  /** `https://127.0.0.1:PORT`. */
  readonly apiUrl: string;
  /** The admin bearer token. */
  readonly token: string;
  /** A kubectl of the same version as the server. */
  readonly kubectl: string;
  /** Kubernetes version of the binaries, e.g. `v1.37.2`. */
  readonly k8sVersion: string | undefined;
  /** Process IDs (each server runs in its own session). */
  readonly pids: { readonly etcd: number; readonly apiserver: number; readonly controllerManager: number };
  /** True when `startControlPlane` found it already running in `dir` and reused it. */
  readonly reused: boolean;
  /** Stops the three processes by PID and removes `dir`. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Run directory (created; reused if a plane already runs there). */
  readonly dir: string;
  /** Progress lines (build steps, start-up timings). */
  readonly log?: PlaneLogger;
  /** A watchdog stops the plane once this process is gone (for test runs; even after SIGKILL). */
  readonly ownerPid?: number;
  /** Per-component start timeout in seconds (default 180). */
  readonly timeoutSeconds?: number;
}

/**
 * Starts the control plane in `opts.dir` (building the binaries first if needed), or reuses
 * the one already running there. Resolves once /readyz is 200; rejects with a PlaneError
 * carrying the three servers' log tails otherwise (nothing is left running then).
 */
export async function startControlPlane(opts: StartOptions): Promise<ControlPlane> {
  const dir = path.resolve(opts.dir);
  const logOpt = opts.log ? { log: opts.log } : {};
  const before = await planeStatus(dir);
  if (before.state === 'running') return openControlPlane(dir, true);
  const bins = await ensureBinaries(logOpt);
  const env: NodeJS.ProcessEnv = { K8S_BIN_DIR: bins.k8sBinDir, ETCD_BIN_DIR: bins.etcdBinDir };
  if (opts.ownerPid !== undefined) env['ORK_PLANE_OWNER_PID'] = String(opts.ownerPid);
  if (opts.timeoutSeconds !== undefined) env['START_TIMEOUT'] = String(opts.timeoutSeconds);
  const r = await runScript('plane.sh', ['start', dir], { env, ...logOpt });
  if (r.code !== 0) {
    throw new PlaneError(
      `the control plane did not start (exit ${r.code})`,
      `see the start-up output and server logs printed with this error; retry with \`bash test/control-plane/plane.sh start ${dir}\``,
      opts.log ? '' : tail(r.stderr, 150), // with a logger, every line was delivered already
    );
  }
  return openControlPlane(dir, false);
}

/** The control plane running in `dir` (as written by plane.sh start); rejects if there is none. */
export async function openControlPlane(dir: string, reused = true): Promise<ControlPlane> {
  const abs = path.resolve(dir);
  let text: string;
  try {
    text = await readFile(path.join(abs, 'env'), 'utf8');
  } catch {
    throw new PlaneError(`no control plane in ${abs}`, 'start one with `ork plane start`');
  }
  const kv = parseKeyValues(text);
  const need = (k: string): string => {
    const v = kv.get(k);
    if (!v) throw new PlaneError(`${path.join(abs, 'env')} has no ${k}`, 'stop and start the plane again');
    return v;
  };
  const k8sBinDir = need('K8S_BIN_DIR');
  return {
    dir: abs,
    kubeconfig: need('KUBECONFIG'),
    certKubeconfig: path.join(abs, 'admin.kubeconfig'),
    apiUrl: need('K8S_API'),
    token: need('K8S_TOKEN'),
    kubectl: path.join(k8sBinDir, 'kubectl'),
    k8sVersion: versionOfBinDir(k8sBinDir),
    pids: { etcd: Number(need('ETCD_PID')), apiserver: Number(need('APISERVER_PID')), controllerManager: Number(need('KCM_PID')) },
    reused,
    stop: () => stopPlane(abs),
  };
}

/** One process of the plane. */
export interface ProcessStatus {
  readonly running: boolean;
  readonly pid: number | undefined;
}

/** What runs where (from plane.sh status). */
export interface PlaneStatus {
  /** `running`: all three processes alive and /readyz 200; `degraded`: some alive; `stopped`: none. */
  readonly state: 'running' | 'degraded' | 'stopped';
  readonly dir: string;
  readonly apiUrl: string | undefined;
  readonly kubeconfig: string | undefined;
  /** HTTP status of /readyz (0 when unreachable), undefined when stopped. */
  readonly readyz: number | undefined;
  readonly k8sVersion: string | undefined;
  readonly etcdVersion: string | undefined;
  readonly startedAt: string | undefined;
  readonly processes: { readonly etcd: ProcessStatus; readonly apiserver: ProcessStatus; readonly controllerManager: ProcessStatus };
}

/** Reports whether a control plane runs in `dir` (never throws for a missing or stale dir). */
export async function planeStatus(dir: string): Promise<PlaneStatus> {
  const abs = path.resolve(dir);
  const r = await runScript('plane.sh', ['status', abs]);
  const kv = parseKeyValues(r.stdout);
  const state = kv.get('STATE');
  if (r.code !== 0 || (state !== 'running' && state !== 'degraded' && state !== 'stopped')) {
    throw new PlaneError(`plane.sh status failed (exit ${r.code})`, undefined, tail(r.stderr, 20));
  }
  const proc = (key: string): ProcessStatus => {
    const pid = kv.get(`${key}_PID`);
    return { running: kv.get(key) === 'running', pid: pid ? Number(pid) : undefined };
  };
  const opt = (key: string): string | undefined => kv.get(key) || undefined;
  const readyz = kv.get('READYZ');
  const k8sBin = opt('K8S_BIN_DIR');
  const etcdBin = opt('ETCD_BIN_DIR');
  return {
    state,
    dir: abs,
    apiUrl: opt('K8S_API'),
    kubeconfig: opt('KUBECONFIG'),
    readyz: readyz === undefined ? undefined : Number(readyz),
    k8sVersion: k8sBin && versionOfBinDir(k8sBin),
    etcdVersion: etcdBin && versionOfBinDir(etcdBin),
    startedAt: opt('STARTED_AT'),
    processes: { etcd: proc('ETCD'), apiserver: proc('APISERVER'), controllerManager: proc('KCM') },
  };
}

/** Stops the plane in `dir` by PID (controller-manager, apiserver, etcd) and removes `dir`. No-op when nothing runs. */
export async function stopPlane(dir: string, opts: { log?: PlaneLogger } = {}): Promise<void> {
  const abs = path.resolve(dir);
  const r = await runScript('plane.sh', ['stop', abs], opts.log ? { log: opts.log } : {});
  if (r.code !== 0) throw new PlaneError(`stopping the control plane in ${abs} failed (exit ${r.code})`, undefined, tail(r.stderr, 20));
}

/** The last lines of the etcd, kube-apiserver and kube-controller-manager logs in `dir`. */
export async function planeLogs(dir: string): Promise<string> {
  const r = await runScript('plane.sh', ['logs', path.resolve(dir)]);
  return r.stdout;
}
