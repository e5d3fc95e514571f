import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ChildSpecError, buildCronJob, buildJob, buildPod, buildReplicaSet, buildStatefulSet,
} from '../../../../runtime-kit/children/index.ts';
import { STAMP, context, json, meta } from './helpers.ts';

test('minimal ReplicaSet: name <cr>-replicaset, replicas 1, owner selector, no strategy', () => {
  assert.deepEqual(json(buildReplicaSet({ image: 'i' }, context())), {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta('web-replicaset'),
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'orkestra-owner': 'web' } },
      template: { metadata: { labels: STAMP }, spec: { containers: [{ name: 'web-replicaset', image: 'i' }] } },
    },
  });
});

test('full ReplicaSet: replicas, port, env, probes, resources; rollingUpdate ignored (no strategy on ReplicaSets)', () => {
  assert.deepEqual(json(buildReplicaSet({
    name: 'rs', image: 'i', replicas: '2', port: '9000', labels: { app: 'rs' }, annotations: { a: 'b' },
    env: [{ name: 'X', value: 'y' }], probes: { readiness: { type: 'tcp', profile: 'fast' } }, resources: { limits: { cpu: '1' } },
    rollingUpdate: { profile: 'safe' }, serviceAccountName: 'sa',
  }, context())), {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta('rs', { labels: { ...STAMP, app: 'rs' }, annotations: { a: 'b' } }),
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'orkestra-owner': 'web' } },
      template: {
        metadata: { labels: { ...STAMP, app: 'rs' } },
        spec: {
          serviceAccountName: 'sa',
          containers: [{
            name: 'rs', image: 'i', ports: [{ containerPort: 9000, protocol: 'TCP' }], env: [{ name: 'X', value: 'y' }],
            resources: { limits: { cpu: '1' } },
            readinessProbe: { tcpSocket: { port: 9000 }, initialDelaySeconds: 5, timeoutSeconds: 5, periodSeconds: 10, successThreshold: 1, failureThreshold: 2 },
          }],
        },
      },
    },
  });
});

test('minimal StatefulSet: named after the CR, serviceName = name, Parallel, OnDelete', () => {
  assert.deepEqual(json(buildStatefulSet({ image: 'postgres' }, context())), {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta('web'),
    spec: {
      replicas: 1,
      serviceName: 'web',
      selector: { matchLabels: { 'orkestra-owner': 'web' } },
      podManagementPolicy: 'Parallel',
      updateStrategy: { type: 'OnDelete' },
      template: { metadata: { labels: STAMP }, spec: { containers: [{ name: 'web', image: 'postgres' }] } },
    },
  });
});

test('full StatefulSet: tag, claim templates mounted first, rolling update keeps maxUnavailable only', () => {
  const s = json(buildStatefulSet({
    name: 'db',
    image: 'postgres',
    tag: '16',
    replicas: '2',
    port: '5432',
    serviceName: 'db-headless',
    rollingUpdate: { profile: 'fast' },
    volumeClaimTemplates: [
      { storageClass: 'fast-ssd', storageSize: '10Gi' },
      { name: 'wal', storageClass: '', storageSize: '1Gi', mountPath: '/wal', accessModes: ['ReadWriteMany', 'Bogus'] },
    ],
    volumeMounts: [{ name: 'extra', mountPath: '/extra' }],
    volumes: [{ name: 'extra', emptyDir: {} }],
    env: [{ name: 'PGDATA', value: '/data/pg' }],
  }, context())) as { spec: Record<string, unknown> };
  assert.deepEqual(s.spec['updateStrategy'], { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%' } });
  assert.equal(s.spec['serviceName'], 'db-headless');
  assert.equal(s.spec['replicas'], 2);
  assert.deepEqual(s.spec['volumeClaimTemplates'], [
    { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast-ssd', resources: { requests: { storage: '10Gi' } } } },
    { metadata: { name: 'wal' }, spec: { accessModes: ['ReadWriteMany', 'ReadWriteOnce'], storageClassName: '', resources: { requests: { storage: '1Gi' } } } },
  ]);
  assert.deepEqual(s.spec['template'], {
    metadata: { labels: STAMP },
    spec: {
      containers: [{
        name: 'db',
        image: 'postgres:16',
        ports: [{ containerPort: 5432, protocol: 'TCP' }],
        env: [{ name: 'PGDATA', value: '/data/pg' }],
        volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'wal', mountPath: '/wal' }, { name: 'extra', mountPath: '/extra' }],
      }],
      volumes: [{ name: 'extra', emptyDir: {} }],
    },
  });
});

test('StatefulSet claim template with a bad storageSize is a ChildSpecError', () => {
  assert.throws(() => buildStatefulSet({ image: 'i', volumeClaimTemplates: [{ storageClass: 's', storageSize: 'lots' }] }, context()), ChildSpecError);
});

test('minimal Pod: name <cr>-pod, no restartPolicy', () => {
  assert.deepEqual(json(buildPod({ image: 'busybox' }, context())), {
    apiVersion: 'v1', kind: 'Pod', metadata: meta('web-pod'), spec: { containers: [{ name: 'web-pod', image: 'busybox' }] },
  });
});

test('full Pod: Sscanf port, annotations, probes, pod security profile', () => {
  const p = buildPod({
    name: 'debug', image: 'busybox', port: '8080abc', protocol: 'SCTP', annotations: { a: 'b' },
    probes: { readiness: { path: '/r' } }, podSecurity: { profile: 'restricted' },
  }, context());
  assert.deepEqual(json(p), {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('debug', { annotations: { a: 'b' } }),
    spec: {
      securityContext: { runAsNonRoot: true, runAsUser: 1000 },
      containers: [{
        name: 'debug', image: 'busybox', ports: [{ containerPort: 8080, protocol: 'SCTP' }],
        readinessProbe: { httpGet: { path: '/r', port: 8080 }, initialDelaySeconds: 15, timeoutSeconds: 10, periodSeconds: 20, successThreshold: 1, failureThreshold: 3 },
      }],
    },
  });
});

test('minimal Job: backoffLimit 3, restartPolicy OnFailure, stamped pod labels', () => {
  assert.deepEqual(json(buildJob({ image: 'migrate' }, context())), {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta('web-job'),
    spec: {
      backoffLimit: 3,
      template: { metadata: { labels: STAMP }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'web-job', image: 'migrate' }] } },
    },
  });
});

test('full Job: command, args, resources profile, volumes; backoffLimit 0 → 3', () => {
  const j = json(buildJob({
    name: 'migrate', image: 'tool', command: ['sh', '-c'], args: ['run {{x}}'], backoffLimit: 5,
    resources: { profile: 'tiny' }, securityContext: { profile: 'baseline' }, imagePullSecrets: ['r'],
    volumes: [{ name: 'v', secret: { name: 's' } }], volumeMounts: [{ name: 'v', mountPath: '/s' }], labels: { job: 'm' },
  }, context())) as { spec: { backoffLimit: number; template: unknown } };
  assert.equal(j.spec.backoffLimit, 5);
  assert.deepEqual(j.spec.template, {
    metadata: { labels: { ...STAMP, job: 'm' } },
    spec: {
      imagePullSecrets: [{ name: 'r' }],
      restartPolicy: 'OnFailure',
      containers: [{
        name: 'migrate', image: 'tool', command: ['sh', '-c'], args: ['run {{x}}'],
        resources: { requests: { cpu: '25m', memory: '64Mi' }, limits: { cpu: '100m', memory: '128Mi' } },
        volumeMounts: [{ name: 'v', mountPath: '/s' }],
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['NET_RAW'] } },
      }],
      volumes: [{ name: 'v', secret: { secretName: 's' } }],
    },
  });
  assert.equal(buildJob({ image: 'i', backoffLimit: 0 }, context()).spec.backoffLimit, 3);
});

test('a Job declared under onDelete has no owner reference (it must outlive the CR)', () => {
  assert.equal(buildJob({ image: 'cleanup' }, context({ phase: 'onDelete' })).metadata.ownerReferences, undefined);
  assert.equal(buildJob({ image: 'cleanup' }, context({ phase: 'onReconcile' })).metadata.ownerReferences?.length, 1);
});

test('minimal CronJob: only schedule and the job template; K8s defaults not written', () => {
  assert.deepEqual(json(buildCronJob({ image: 'backup', schedule: '0 * * * *' }, context())), {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta('web-cronjob'),
    spec: {
      schedule: '0 * * * *',
      jobTemplate: {
        metadata: { labels: STAMP },
        spec: { template: { metadata: { labels: STAMP }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'web-cronjob', image: 'backup' }] } } },
      },
    },
  });
});

test('full CronJob: suspend, concurrencyPolicy, deadline and history limits parsed like Orkestra', () => {
  const c = buildCronJob({
    image: 'b', schedule: '*/5 * * * *', suspend: 'yes', concurrencyPolicy: 'FORBID', startingDeadlineSeconds: '120',
    successfulJobsHistoryLimit: '5', failedJobsHistoryLimit: '0',
  }, context());
  assert.equal(c.spec.suspend, true);
  assert.equal(c.spec.concurrencyPolicy, 'Forbid');
  assert.equal(c.spec.startingDeadlineSeconds, 120);
  assert.equal(c.spec.successfulJobsHistoryLimit, 5);
  assert.equal(c.spec.failedJobsHistoryLimit, 0);
  const odd = buildCronJob({ image: 'b', schedule: 's', suspend: 'no', concurrencyPolicy: 'whatever', startingDeadlineSeconds: '-1', successfulJobsHistoryLimit: 'x' }, context());
  assert.equal(odd.spec.suspend, false);
  assert.equal(odd.spec.concurrencyPolicy, 'Allow');
  assert.equal(odd.spec.startingDeadlineSeconds, undefined);
  assert.equal(odd.spec.successfulJobsHistoryLimit, undefined);
});

test('CronJob requires image and schedule; Job, Pod, ReplicaSet, StatefulSet require image', () => {
  assert.throws(() => buildCronJob({ image: 'b' }, context()), (e: unknown) => e instanceof ChildSpecError && e.fields.join() === 'schedule');
  assert.throws(() => buildCronJob({}, context()), (e: unknown) => e instanceof ChildSpecError && e.fields.join() === 'image,schedule');
  for (const build of [buildJob, buildPod, buildReplicaSet, buildStatefulSet]) {
    assert.throws(() => build({}, context()), ChildSpecError);
  }
});
