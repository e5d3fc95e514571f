/** Finds (or builds, once) kube-apiserver, kube-controller-manager, kubectl and etcd. */
import path from 'node:path';
import { PlaneError } from './plane-error.ts';
import { parseKeyValues, runScript, type PlaneLogger } from './run-script.ts';

export interface Binaries {
  /** Directory holding kube-apiserver, kube-controller-manager and kubectl. */
  readonly k8sBinDir: string;
  /** Directory holding etcd. */
  readonly etcdBinDir: string;
  readonly kubectl: string;
}

/**
 * Runs test/control-plane/ensure-binaries: ~1 s when the binaries are cached (outside the
 * repository, keyed by versions), a one-off build of several minutes otherwise (progress goes to `log`).
 */
export async function ensureBinaries(opts: { log?: PlaneLogger } = {}): Promise<Binaries> {
  const r = await runScript('ensure-binaries', [], opts.log ? { log: opts.log } : {});
  const kv = parseKeyValues(r.stdout);
  const k8sBinDir = kv.get('K8S_BIN_DIR');
  const etcdBinDir = kv.get('ETCD_BIN_DIR');
  if (r.code !== 0 || !k8sBinDir || !etcdBinDir) {
    throw new PlaneError(
      `building the control plane binaries failed (exit ${r.code})`,
      'run `bash test/control-plane/ensure-binaries` to see the full output; it needs Go >= 1.26 and the Go module proxy',
      opts.log ? '' : tail(r.stderr, 30), // with a logger, every line was delivered already
    );
  }
  return { k8sBinDir, etcdBinDir, kubectl: path.join(k8sBinDir, 'kubectl') };
}

/** Kubernetes version encoded in a binaries directory name (`k8s-v1.37.2-go1.26.8` → `v1.37.2`). */
export function versionOfBinDir(dir: string): string | undefined {
  return /^(?:k8s|etcd)-(v[0-9][^-]*)-/.exec(path.basename(dir))?.[1];
}

/** The last `n` lines of `text`. */
export function tail(text: string, n: number): string {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}
