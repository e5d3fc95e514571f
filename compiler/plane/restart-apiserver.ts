/**
 * A fault for tests and soak runs: kills (or, `graceful`, SIGTERMs) the kube-apiserver of the
 * plane in `dir` and starts it again on the same port, with the same certificates and etcd (plane.sh `restart-apiserver`, the one
 * implementation). etcd and the controller-manager keep running, so every object survives and
 * kubeconfigs stay valid.
 */
import path from 'node:path';
import { tail } from './binaries.ts';
import { PlaneError } from './plane-error.ts';
import { runScript, type PlaneLogger } from './run-script.ts';

export interface RestartOptions {
  /** How long the apiserver stays down between stop and start. Default 0. */
  readonly downMs?: number;
  /** SIGTERM and wait for its drain (~30 s) instead of SIGKILL (a crash, the default). */
  readonly graceful?: boolean;
  readonly log?: PlaneLogger;
}

/** What a restart took, measured around the script. */
export interface RestartReport {
  /** From the stop signal to /readyz 200 again, in ms (includes `downMs`). */
  readonly outageMs: number;
}

/** Restarts the apiserver in `dir`; resolves once /readyz is 200 again, rejects with a PlaneError otherwise. */
export async function restartApiserver(dir: string, opts: RestartOptions = {}): Promise<RestartReport> {
  const abs = path.resolve(dir);
  const t0 = Date.now();
  const env = { APISERVER_DOWN_SECONDS: String(Math.max(0, opts.downMs ?? 0) / 1000), APISERVER_STOP: opts.graceful ? 'term' : 'kill' };
  const r = await runScript('plane.sh', ['restart-apiserver', abs], { env, ...(opts.log ? { log: opts.log } : {}) });
  if (r.code !== 0) {
    throw new PlaneError(`restarting the kube-apiserver in ${abs} failed (exit ${r.code})`, `see ${path.join(abs, 'apiserver.log')}; \`bash test/control-plane/plane.sh status ${abs}\` shows what runs`, tail(r.stderr, 40));
  }
  return { outageMs: Date.now() - t0 };
}
