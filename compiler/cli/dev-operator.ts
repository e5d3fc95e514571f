/**
 * The developer loop's cluster side, shared by `ork up` and `ork run`: install what the
 * operator needs on a cluster (its CRDs, its namespace), start the bundled operator as a child
 * process with the given kubeconfig, stop it gracefully (SIGTERM: in-flight reconciles finish,
 * the Lease is released), and apply files (the Katalog's `setup` files and sample CRs, as
 * Orkestra's dev mode does). The loop around these steps (watch, rebuild, restart) is `run/dev-session.ts`.
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { CliError, EXIT_INVALID } from './exit.ts';
import { OPERATOR_NODE_FLAGS } from '../emit/project.ts';

const exec = promisify(execFile);

/** How the loop reaches the cluster. */
export interface ClusterTarget {
  readonly kubeconfig: string;
  /** The kubectl binary to install CRDs and apply sample CRs with. */
  readonly kubectl: string;
}

/** Runs `kubectl --kubeconfig … args`; failures become a CliError that names the command. */
export async function kubectl(target: ClusterTarget, ...args: string[]): Promise<string> {
  try {
    const { stdout } = await exec(target.kubectl, ['--kubeconfig', target.kubeconfig, ...args], { encoding: 'utf8' });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string; code?: unknown };
    if (e.code === 'ENOENT') throw new CliError(`kubectl not found (${target.kubectl})`, EXIT_INVALID, 'install kubectl, or set ORK_KUBECTL to its path');
    throw new CliError(`kubectl ${args.slice(0, 2).join(' ')} failed: ${(e.stderr ?? e.message).trim()}`, EXIT_INVALID, 'check that the cluster is reachable with this kubeconfig');
  }
}

/** Installs the generated project's CRDs (waits until Established) and the operator's namespace. */
export async function installOperatorPrerequisites(target: ClusterTarget, projectDir: string, namespace: string, log: (line: string) => void): Promise<void> {
  const crds = path.join(projectDir, 'manifests', 'crds.yaml');
  log(`installing CRDs from ${crds}`);
  await kubectl(target, 'apply', '--server-side', '--force-conflicts', '-f', crds);
  await kubectl(target, 'wait', '--for=condition=Established', '--timeout=60s', '-f', crds);
  await applyNamespace(target, namespace);
}

/** Applies files one by one (`what`: "sample CR", "setup file"); a failing file is logged, not fatal. */
export async function applyFiles(target: ClusterTarget, files: readonly string[], what: string, log: (line: string) => void): Promise<void> {
  for (const f of files) {
    log(`applying ${what} ${f}`);
    await kubectl(target, 'apply', '-f', f).catch((e: unknown) => log(`  ${(e as Error).message}`));
  }
}

/** What to start. */
export interface OperatorLaunch {
  readonly bundle: string;
  readonly kubeconfig: string;
  /** The operator's namespace (its Lease and Events). */
  readonly namespace: string;
  readonly port?: number;
}

/** A running operator child process (its output goes to this process's stdout/stderr). */
export interface OperatorChild {
  readonly pid: number | undefined;
  /** Resolves with the exit code (1 when it died of a signal) whenever it exits. */
  readonly exited: Promise<number>;
  /** True until the process has exited. */
  isRunning(): boolean;
  /** SIGTERM, wait for the exit; SIGKILL after `graceMs`. Resolves with the exit code. */
  stop(graceMs?: number): Promise<number>;
}

/** Longest wait for a graceful stop: the operator drains for up to 20 s, then releases its Lease. */
export const STOP_GRACE_MS = 30_000;

/**
 * Starts `node <V8 flags of the image> <bundle> --kubeconfig <file>` in this terminal's process group. Stopping always
 * sends SIGTERM: after a Ctrl-C the terminal already sent SIGINT to the child, and the operator
 * handles each of SIGINT and SIGTERM once, so the two never kill it half-way through draining.
 */
export function startOperatorChild(op: OperatorLaunch): OperatorChild {
  const child = spawn(process.execPath, [...OPERATOR_NODE_FLAGS, op.bundle, '--kubeconfig', op.kubeconfig], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ORK_NAMESPACE: op.namespace, ...(op.port !== undefined ? { ORK_PORT: String(op.port) } : {}) },
  });
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code) => resolve(code ?? 1));
    child.once('error', () => resolve(1));
  });
  return {
    pid: child.pid,
    exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    stop: async (graceMs = STOP_GRACE_MS) => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

async function applyNamespace(target: ClusterTarget, namespace: string): Promise<void> {
  const manifest = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  await new Promise<void>((resolve, reject) => {
    const p = spawn(target.kubectl, ['--kubeconfig', target.kubeconfig, 'apply', '-f', '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('error', (e) => reject(new CliError(`creating namespace ${namespace} failed: ${e.message}`, EXIT_INVALID, 'install kubectl, or set ORK_KUBECTL to its path')));
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new CliError(`creating namespace ${namespace} failed: ${err.trim()}`, EXIT_INVALID))));
    p.stdin.end(manifest);
  });
}
