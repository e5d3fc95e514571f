import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChildSpecError, buildDeployment } from '../../../../runtime-kit/children/index.ts';
import { STAMP, context, frozen, json, meta } from './helpers.ts';

test('minimal Deployment: Orkestra defaults (name, replicas 1, one container, owner selector)', () => {
  assert.deepEqual(json(buildDeployment({ image: 'nginx:1.25' }, context())), {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('web-deployment'),
    spec: {
      replicas: 1,
      selector: { matchLabels: { 'orkestra-owner': 'web' } },
      template: {
        metadata: { labels: STAMP },
        spec: { containers: [{ name: 'web-deployment', image: 'nginx:1.25' }] },
      },
    },
  });
});

test('full Deployment: every flat field mapped', () => {
  const input = frozen({
    name: 'api',
    namespace: 'shop',
    image: 'ghcr.io/acme/api:2',
    imagePullSecrets: ['regcred'],
    replicas: '3',
    port: '8080',
    protocol: 'udp',
    labels: { tier: 'backend' },
    annotations: { 'acme.io/team': 'payments' },
    env: [
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'EMPTY', value: '' },
      { name: 'API_KEY', valueFrom: { secretKeyRef: { name: 'api-secrets', key: 'key', optional: true } } },
      { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode' } } },
    ],
    envFrom: {
      secretRef: [{ name: 'db', keys: ['USER', 'PASS'], prefix: 'DB_', suffix: '_V' }],
      configMapRef: [{ name: 'shared', prefix: 'S_', optional: true }],
    },
    nodeSelector: { zone: 'a', disk: 'ssd' },
    serviceAccountName: 'api-sa',
    workingDirectory: '/app',
    resources: { requests: { memory: '128Mi', cpu: '100m' }, limits: { cpu: '500m' } },
    probes: {
      liveness: { type: 'http', path: '/healthz', profile: 'fast' },
      readiness: { type: 'tcp', port: 9090, periodSeconds: 7 },
      startup: { path: '/ready', profile: 'slow-start' },
    },
    securityContext: { runAsNonRoot: true, runAsUser: 1001, capabilities: { drop: ['ALL'], add: [] } },
    podSecurity: { fsGroup: 2000 },
    rollingUpdate: { maxSurge: '1', maxUnavailable: '25%' },
    volumes: [
      { name: 'config', configMap: { name: 'api-config' } },
      { name: 'tls', secret: { name: 'api-tls' } },
      { name: 'cache', emptyDir: {} },
      { name: 'data', persistentVolumeClaim: { claimName: 'api-data', readOnly: true } },
      { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
    ],
    volumeMounts: [
      { name: 'config', mountPath: '/etc/api', readOnly: true },
      { name: 'cache', mountPath: '/cache', subPath: 'c' },
    ],
    reconcile: true,
    forceConflict: false,
    sleep: '1s',
  });
  assert.deepEqual(json(buildDeployment(input, context())), {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('api', { labels: { ...STAMP, tier: 'backend' }, annotations: { 'acme.io/team': 'payments' } }),
    spec: {
      replicas: 3,
      selector: { matchLabels: { 'orkestra-owner': 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { ...STAMP, tier: 'backend' } },
        spec: {
          serviceAccountName: 'api-sa',
          nodeSelector: { disk: 'ssd', zone: 'a' },
          imagePullSecrets: [{ name: 'regcred' }],
          securityContext: { fsGroup: 2000 },
          containers: [{
            name: 'api',
            image: 'ghcr.io/acme/api:2',
            workingDir: '/app',
            ports: [{ containerPort: 8080, protocol: 'UDP' }],
            envFrom: [{ prefix: 'S_', configMapRef: { name: 'shared', optional: true } }],
            env: [
              { name: 'LOG_LEVEL', value: 'info' },
              { name: 'EMPTY' },
              { name: 'API_KEY', valueFrom: { secretKeyRef: { name: 'api-secrets', key: 'key', optional: true } } },
              { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode' } } },
              { name: 'DB_USER_V', valueFrom: { secretKeyRef: { name: 'db', key: 'USER' } } },
              { name: 'DB_PASS_V', valueFrom: { secretKeyRef: { name: 'db', key: 'PASS' } } },
            ],
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m' } },
            volumeMounts: [
              { name: 'config', mountPath: '/etc/api', readOnly: true },
              { name: 'cache', mountPath: '/cache', subPath: 'c' },
            ],
            livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 5, timeoutSeconds: 5, periodSeconds: 10, successThreshold: 1, failureThreshold: 2 },
            readinessProbe: { tcpSocket: { port: 9090 }, initialDelaySeconds: 15, timeoutSeconds: 10, periodSeconds: 7, successThreshold: 1, failureThreshold: 3 },
            startupProbe: { httpGet: { path: '/ready', port: 8080 }, timeoutSeconds: 10, periodSeconds: 10, successThreshold: 1, failureThreshold: 30 },
            securityContext: { runAsNonRoot: true, runAsUser: 1001, capabilities: { drop: ['ALL'] } },
          }],
          volumes: [
            { name: 'config', configMap: { name: 'api-config' } },
            { name: 'tls', secret: { secretName: 'api-tls' } },
            { name: 'cache', emptyDir: {} },
            { name: 'data', persistentVolumeClaim: { claimName: 'api-data', readOnly: true } },
            { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
          ],
        },
      },
    },
  });
});

test('Deployment replicas and port defaults match Orkestra', () => {
  const ctx = context();
  assert.equal(buildDeployment({ image: 'i', replicas: '' }, ctx).spec.replicas, 1);
  assert.equal(buildDeployment({ image: 'i', replicas: 'abc' }, ctx).spec.replicas, 1);
  assert.equal(buildDeployment({ image: 'i', replicas: '-2' }, ctx).spec.replicas, 1);
  assert.equal(buildDeployment({ image: 'i', replicas: '0' }, ctx).spec.replicas, 0);
  const noPort = buildDeployment({ image: 'i', port: 'x' }, ctx).spec.template.spec.containers[0];
  assert.equal(noPort?.ports, undefined);
  const zero = buildDeployment({ image: 'i', port: '0' }, ctx).spec.template.spec.containers[0];
  assert.equal(zero?.ports, undefined);
  const tcp = buildDeployment({ image: 'i', port: '80' }, ctx).spec.template.spec.containers[0];
  assert.deepEqual(tcp?.ports, [{ containerPort: 80, protocol: 'TCP' }]);
});

test('Deployment without an image is a ChildSpecError naming the field', () => {
  assert.throws(() => buildDeployment({ name: 'x' }, context()), (e: unknown) => {
    assert.ok(e instanceof ChildSpecError);
    assert.deepEqual(e.fields, ['image']);
    assert.equal(e.kind, 'Deployment');
    assert.equal(e.objectName, 'x');
    return true;
  });
  assert.throws(() => buildDeployment({ image: '' }, context()), ChildSpecError);
});

test('pod template keeps the plain CR name as orkestra-owner so the selector matches under a serve target', () => {
  const owner = { ...context().owner, annotations: { 'orkestra.orkspace.io/serve-target': 'public' } };
  const d = buildDeployment({ image: 'i' }, context({ owner }));
  assert.equal(d.metadata.labels?.['orkestra-owner'], 'web.public');
  assert.equal(d.metadata.labels?.['orkestra-serve-target'], 'public');
  assert.equal(d.spec.template.metadata.labels?.['orkestra-owner'], 'web');
  assert.deepEqual(d.spec.selector.matchLabels, { 'orkestra-owner': 'web' });
});

test('probes: no type and no path → no probe; probe port defaults to the container port; zero timing omitted', () => {
  const c = buildDeployment({ image: 'i', port: '81', probes: { liveness: {}, readiness: { type: 'exec' }, startup: { type: 'tcp', initialDelaySeconds: 0 } } }, context())
    .spec.template.spec.containers[0];
  assert.equal(c?.livenessProbe, undefined);
  assert.equal(c?.readinessProbe, undefined);
  assert.deepEqual(c?.startupProbe, { tcpSocket: { port: 81 }, timeoutSeconds: 10, periodSeconds: 20, successThreshold: 1, failureThreshold: 3 });
});
