/**
 * The fixture the web-app fault test files share: an admin client and the WebApp CRD installed
 * before the file's tests run, and per test a scenario — a CR namespace, a Lease namespace and
 * the operator replicas the test starts — that is torn down when that test ends, pass or fail:
 * the replicas are stopped first, then the leftover CRs released and deleted and the namespaces
 * removed (test/soak/cleanup.ts). Tearing down per test, not per file, matters: the operators
 * watch WebApps cluster-wide, so CRs a finished test left behind would be adopted by the next
 * test's operator and counted in its figures.
 */
import { before, type TestContext } from 'node:test';
import type { KubeClient } from '../../runtime-kit/client/rest.ts';
import { createTestNamespace, testPlane, type TestPlane } from '../helpers/control-plane.ts';
import type { OperatorProcess } from '../integration/e2e/operator-process.ts';
import { releaseAndDelete } from './cleanup.ts';
import { buildWebApp, installCrd, startReplica, type WebAppBuild } from './web-app-operator.ts';
import { adminClient } from './webapps.ts';

/** One test's namespaces and the replicas it started. */
export interface FaultScenario {
  /** The namespace the test's WebApps live in. */
  readonly ns: string;
  /** The namespace of the replicas' Lease (`ORK_NAMESPACE`). */
  readonly system: string;
  /** Starts replica `name` of `build` (info logs, Lease in `system`); stopped when the test ends. */
  replica(name: string, build: WebAppBuild, env?: NodeJS.ProcessEnv): Promise<OperatorProcess>;
}

/** A fault test file's shared handles. */
export interface WebAppFaultSuite {
  readonly plane: TestPlane;
  /** The admin client (no rate limit, one attempt a call); available from the file's first test on. */
  readonly client: KubeClient;
  /** Creates namespaces `<prefix>` and `<prefix>-sys` for test `t`; everything in them is cleaned up when `t` ends. */
  scenario(t: TestContext, prefix: string): Promise<FaultScenario>;
}

/** Registers the file's before hook (admin client, WebApp CRD) and returns the suite; call once at the top level of a test file. */
export function webAppFaultSuite(): WebAppFaultSuite {
  const plane = testPlane();
  let client: KubeClient | undefined;
  before(async () => {
    client = await adminClient(plane.kubeconfig);
    installCrd(plane, await buildWebApp());
  });
  const admin = (): KubeClient => {
    if (client === undefined) throw new Error('webAppFaultSuite: the admin client is set by the before hook; use it inside a test');
    return client;
  };
  return {
    plane,
    get client() {
      return admin();
    },
    async scenario(t, prefix) {
      const ns = await createTestNamespace(prefix);
      const system = await createTestNamespace(`${prefix}-sys`);
      const replicas: OperatorProcess[] = [];
      t.after(async () => {
        await Promise.all(replicas.map((op) => op.stop()));
        await releaseAndDelete(admin(), ns, system);
      });
      return {
        ns,
        system,
        async replica(name, build, env = {}) {
          const op = await startReplica(plane, build, name, system, { ORK_LOG_LEVEL: 'info', ...env });
          replicas.push(op);
          return op;
        },
      };
    },
  };
}
