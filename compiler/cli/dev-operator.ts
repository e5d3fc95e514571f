/**
 * The developer loop's "run the operator": install what the operator needs on a cluster (its
 * CRDs, its namespace), start the bundled operator as a child process in the foreground with
 * the given kubeconfig, apply the Katalog's sample CRs (`crFiles`, as Orkestra's dev mode
 * does) and forward Ctrl-C / SIGTERM to it. Used by `ork up` (and later `ork run`).
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { CliError, EXIT_INVALID } from './exit.ts';

const exec = promisify(execFile);

/** What to run. */
export interface DevOperator {
  readonly projectDir: string;
  readonly bundle: string;
  readonly kubeconfig: string;
  readonly kubectl: string;
  /** The operator's namespace (its Lease and Events). */
  readonly namespace: string;
  /** Sample CR files to apply once the operator runs. */
  readonly crFiles: readonly string[];
  readonly port?: number;
  readonly log: (line: string) => void;
}

async function kubectl(op: DevOperator, ...args: string[]): Promise<string> {
  try {
    const { stdout } = await exec(op.kubectl, ['--kubeconfig', op.kubeconfig, ...args], { encoding: 'utf8' });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new CliError(`kubectl ${args.slice(0, 2).join(' ')} failed: ${(e.stderr ?? e.message).trim()}`, EXIT_INVALID, 'check that the cluster is reachable with this kubeconfig');
  }
}

/** Installs the CRDs and namespace, starts the operator, applies the sample CRs; resolves with its exit code. */
export async function runDevOperator(op: DevOperator): Promise<number> {
  op.log(`installing CRDs from ${path.join(op.projectDir, 'manifests', 'crds.yaml')}`);
  await kubectl(op, 'apply', '--server-side', '--force-conflicts', '-f', path.join(op.projectDir, 'manifests', 'crds.yaml'));
  await kubectl(op, 'wait', '--for=condition=Established', '--timeout=60s', '-f', path.join(op.projectDir, 'manifests', 'crds.yaml'));
  await applyNamespace(op);
  const child = spawn(process.execPath, [op.bundle, '--kubeconfig', op.kubeconfig], {
    stdio: 'inherit',
    env: { ...process.env, ORK_NAMESPACE: op.namespace, ...(op.port !== undefined ? { ORK_PORT: String(op.port) } : {}) },
  });
  const forward = (sig: NodeJS.Signals): void => void child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  if (op.crFiles.length > 0) {
    await new Promise((r) => setTimeout(r, 1500));
    for (const f of op.crFiles) {
      op.log(`applying sample CR ${f}`);
      await kubectl(op, 'apply', '-f', f).catch((e: unknown) => op.log(`  ${(e as Error).message}`));
    }
  }
  const code = await exited;
  process.off('SIGINT', forward);
  process.off('SIGTERM', forward);
  return code;
}

async function applyNamespace(op: DevOperator): Promise<void> {
  const manifest = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: op.namespace } });
  await new Promise<void>((resolve, reject) => {
    const p = spawn(op.kubectl, ['--kubeconfig', op.kubeconfig, 'apply', '-f', '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new CliError(`creating namespace ${op.namespace} failed: ${err.trim()}`, EXIT_INVALID))));
    p.stdin.end(manifest);
  });
}
