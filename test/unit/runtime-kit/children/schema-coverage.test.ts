/**
 * Every key of every Katalog child entry (compiler/schema/resources) either steers the
 * reconciler, needs runtime I/O, or changes the built object: setting it on a base declaration
 * must change the output. A key added to the schema and not built fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHILD_BUILDERS, RUNTIME_IO_KEYS, type BuildContext, type KubeObject } from '../../../../runtime-kit/children/index.ts';
import { RESOURCE_ENTRY_SCHEMAS } from '../../../../compiler/schema/resources/index.ts';
import { context } from './helpers.ts';

const CONTROL_KEYS = new Set(['reconcile', 'when', 'or', 'anyOf', 'forEach', 'sleep', 'forceConflict', 'fromNamespace']);

/** Keys the schema accepts that Orkestra resolves and then does not write. */
const IGNORED = new Set(['replicaSets.rollingUpdate']);

const BASE: Record<string, Record<string, unknown>> = {
  namespaces: {},
  secrets: { data: { a: 'b' } },
  configMaps: {},
  networkPolicies: { name: 'np' },
  resourceQuotas: { name: 'rq' },
  limitRanges: { name: 'lr' },
  clusterRoles: {},
  clusterRoleBindings: {},
  serviceAccounts: {},
  roles: {},
  roleBindings: {},
  custom: { apiVersion: 'x.io/v1', kind: 'Thing', metadata: {} },
  replicaSets: { image: 'i', port: '80' },
  deployments: { image: 'i', port: '80' },
  services: { port: '80' },
  jobs: { image: 'i' },
  cronJobs: { image: 'i', schedule: '* * * * *' },
  statefulSets: { image: 'i', port: '80' },
  persistentVolumes: { name: 'pv', capacity: '1Gi', csiDriver: 'd' },
  persistentVolumeClaims: { name: 'pvc', storage: '1Gi' },
  ingresses: { serviceName: 's', servicePort: '80' },
  hpa: {},
  pdb: {},
  pods: { image: 'i', port: '80' },
};

const SAMPLES: Record<string, unknown> = {
  name: 'sample', namespace: 'other-ns', labels: { s: 'x' }, annotations: { s: 'x' },
  image: 'other', imagePullSecrets: ['reg'], port: '9999', protocol: 'UDP', replicas: '5',
  rollingUpdate: { profile: 'safe' }, env: [{ name: 'A', value: 'b' }], envFrom: { secretRef: [{ name: 's' }] },
  nodeSelector: { a: 'b' }, serviceAccountName: 'sa', resources: { profile: 'small' },
  securityContext: { profile: 'baseline' }, podSecurity: { profile: 'restricted' }, probes: { liveness: { path: '/' } },
  volumes: [{ name: 'v', emptyDir: {} }], volumeMounts: [{ name: 'v', mountPath: '/v' }], workingDirectory: '/w',
  command: ['c'], args: ['a'], backoffLimit: 7, schedule: '1 * * * *', suspend: 'true', successfulJobsHistoryLimit: '2',
  failedJobsHistoryLimit: '2', concurrencyPolicy: 'forbid', startingDeadlineSeconds: '10', tag: 'v2', serviceName: 'other-svc',
  volumeClaimTemplates: [{ storageClass: 's', storageSize: '1Gi' }], headless: true, targetPort: '8081', selector: { a: 'b' },
  data: { x: 'y' }, storageClassName: 'sc', accessModes: ['ReadWriteMany'], storage: '2Gi', volumeMode: 'Block', volumeName: 'pv',
  capacity: '2Gi', reclaimPolicy: 'Delete', csiDriver: 'd2', csiVolumeHandle: 'h', host: 'h.io', servicePort: '81', path: '/p',
  pathType: 'Exact', className: 'nginx', tls: { secretName: 'x' }, scaleTargetRef: { kind: 'StatefulSet', name: 'x' },
  minReplicas: '2', maxReplicas: '3', targetCPUUtilizationPercentage: '50', minAvailable: '2', maxUnavailable: '3',
  finalizers: ['f'], rules: [{ verbs: ['list'] }], roleRef: { name: 'other' }, subjects: [{ kind: 'User', name: 'u' }],
  podSelector: { a: 'b' }, ingress: [{ ports: [{ port: '1' }] }], egress: [{}], policyTypes: ['Egress'],
  hard: { pods: '3' }, limits: [{ type: 'Pod' }], apiVersion: 'y.io/v1', kind: 'Other', metadata: { name: 'm' }, spec: { a: 1 },
};

const LIST_SAMPLES: Record<string, Record<string, unknown>> = {
  secrets: { type: 'kubernetes.io/tls' },
  services: { type: 'NodePort' },
  persistentVolumes: { hostPath: '/h' },
  hpa: { behavior: { scaleUp: { selectPolicy: 'Max' } } },
  pdb: { behavior: { profile: 'rolling' } },
  networkPolicies: { profile: 'deny-all' },
  resourceQuotas: { profile: 'small' },
  limitRanges: { profile: 'org' },
};

const ctx = (): BuildContext => context({ profiles: { limitRanges: [{ name: 'org', limits: [{ type: 'Container' }] }] } });

function build(list: string, input: Record<string, unknown>): KubeObject {
  const builder = (CHILD_BUILDERS as unknown as Record<string, (i: unknown, c: BuildContext) => KubeObject>)[list];
  assert.ok(builder !== undefined, list);
  return builder(input, ctx());
}

test('every schema key of every child entry changes the built object (or is a control / runtime key)', () => {
  const schemas = RESOURCE_ENTRY_SCHEMAS as unknown as Record<string, { properties: Record<string, unknown> }>;
  const unbuilt: string[] = [];
  for (const [list, schema] of Object.entries(schemas)) {
    const runtime = new Set(Object.keys((RUNTIME_IO_KEYS as Record<string, Record<string, string>>)[list] ?? {}));
    const base = BASE[list];
    assert.ok(base !== undefined, `base declaration for ${list}`);
    const before = JSON.stringify(build(list, base));
    for (const key of Object.keys(schema.properties)) {
      if (CONTROL_KEYS.has(key) || runtime.has(key) || IGNORED.has(`${list}.${key}`)) continue;
      const sample = LIST_SAMPLES[list]?.[key] ?? SAMPLES[key];
      if (sample === undefined) {
        unbuilt.push(`${list}.${key} (no sample)`);
        continue;
      }
      const after = JSON.stringify(build(list, { ...base, [key]: sample }));
      if (after === before) unbuilt.push(`${list}.${key}`);
    }
  }
  assert.deepEqual(unbuilt, []);
});
