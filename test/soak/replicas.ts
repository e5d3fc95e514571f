/**
 * A small replica set of web-app operators for the soak: numbered replicas sharing one Lease;
 * finds the leader from the Lease's holder, SIGKILLs it, starts replacements, and stops them all
 * (reporting each exit code).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KubeClient } from '../../runtime-kit/client/rest.ts';
import type { Lease } from '../../runtime-kit/leader/lease.ts';
import type { TestPlane } from '../helpers/control-plane.ts';
import type { OperatorProcess } from '../integration/e2e/operator-process.ts';
import { startReplica, type WebAppBuild } from './web-app-operator.ts';

export class ReplicaSet {
  readonly #plane: TestPlane;
  readonly #build: WebAppBuild;
  readonly #client: KubeClient;
  readonly leaseNamespace: string;
  readonly #prefix: string;
  readonly replicas = new Map<string, OperatorProcess>();
  #seq = 0;

  constructor(plane: TestPlane, build: WebAppBuild, client: KubeClient, leaseNamespace: string, prefix: string) {
    this.#plane = plane;
    this.#build = build;
    this.#client = client;
    this.leaseNamespace = leaseNamespace;
    this.#prefix = prefix;
  }

  /** Starts replica `<prefix>-<n>`; returns its name. */
  async add(env: NodeJS.ProcessEnv = {}): Promise<string> {
    const name = `${this.#prefix}-${++this.#seq}`;
    this.replicas.set(name, await startReplica(this.#plane, this.#build, name, this.leaseNamespace, { ORK_LOG_LEVEL: 'info', ...env }));
    return name;
  }

  /** The Lease's holder identity ('' when released or absent). */
  async holder(): Promise<string> {
    try {
      const lease = await this.#client.get<Lease>({ group: 'coordination.k8s.io', version: 'v1', plural: 'leases', namespace: this.leaseNamespace, name: 'web-app-leader' });
      return lease.spec?.holderIdentity ?? '';
    } catch {
      return '';
    }
  }

  /** The replica named by the Lease's holder, if it is one of ours and alive. */
  async leader(): Promise<string | undefined> {
    const holder = await this.holder();
    const name = holder.slice(0, holder.lastIndexOf('_'));
    const op = this.replicas.get(name);
    return op !== undefined && op.child.exitCode === null && op.child.signalCode === null ? name : undefined;
  }

  /** SIGKILLs replica `name`; resolves once it is gone. */
  async kill(name: string): Promise<void> {
    const op = this.replicas.get(name);
    if (op === undefined || op.child.exitCode !== null || op.child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => op.child.once('exit', () => resolve()));
    op.child.kill('SIGKILL');
    await gone;
  }

  /** Writes every replica's log lines to `<tmp>/<name>.log`; returns the directory. */
  saveLogs(): string {
    const dir = mkdtempSync(path.join(tmpdir(), `ork-${this.#prefix}-logs-`));
    for (const [name, op] of this.replicas) writeFileSync(path.join(dir, `${name}.log`), op.lines.join('\n') + '\n');
    return dir;
  }

  /** SIGTERMs every live replica; returns name → exit code (null: had to be killed). */
  async stopAll(): Promise<Map<string, number | null>> {
    const codes = new Map<string, number | null>();
    for (const [name, op] of this.replicas) {
      if (op.child.signalCode !== null) continue;
      codes.set(name, await op.stop());
    }
    return codes;
  }
}
