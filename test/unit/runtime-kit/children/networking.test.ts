import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildHorizontalPodAutoscaler, buildIngress, buildNetworkPolicy, buildPodDisruptionBudget, ChildSpecError,
} from '../../../../runtime-kit/children/index.ts';
import { context, json, meta } from './helpers.ts';

test('minimal Ingress: <cr>-ingress, path /, Prefix, no class or TLS', () => {
  assert.deepEqual(json(buildIngress({ serviceName: 'web-svc', servicePort: '80' }, context())), {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta('web-ingress'),
    spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web-svc', port: { number: 80 } } } }] } }] },
  });
});

test('full Ingress: host, class, Exact path, TLS with default secret name and hosts', () => {
  assert.deepEqual(json(buildIngress({
    name: 'site', host: 'shop.example.com', serviceName: 'api', servicePort: '8080', path: '/api', pathType: 'Exact',
    className: 'nginx', annotations: { 'cert-manager.io/issuer': 'le' }, tls: { create: true },
  }, context())), {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta('site', { annotations: { 'cert-manager.io/issuer': 'le' } }),
    spec: {
      ingressClassName: 'nginx',
      rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/api', pathType: 'Exact', backend: { service: { name: 'api', port: { number: 8080 } } } }] } }],
      tls: [{ hosts: ['shop.example.com'], secretName: 'web-tls' }],
    },
  });
  const named = buildIngress({ serviceName: 's', tls: { secretName: 'existing', hosts: ['a.io'] } }, context());
  assert.deepEqual(named.spec.tls, [{ hosts: ['a.io'], secretName: 'existing' }]);
  assert.equal(buildIngress({ serviceName: 's', tls: { create: false } }, context()).spec.tls, undefined);
  assert.equal(buildIngress({ serviceName: 's', pathType: 'exact' }, context()).spec.rules[0]?.http.paths[0]?.pathType, 'Prefix');
});

test('minimal HPA: <cr>-hpa, target named after the CR, maxReplicas 1', () => {
  assert.deepEqual(json(buildHorizontalPodAutoscaler({ scaleTargetRef: { kind: 'Deployment' } }, context())), {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta('web-hpa'),
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 1 },
  });
});

test('full HPA: replicas, CPU metric, explicit behaviour', () => {
  assert.deepEqual(json(buildHorizontalPodAutoscaler({
    name: 'api-hpa',
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
    minReplicas: '2', maxReplicas: '10', targetCPUUtilizationPercentage: '75',
    behavior: { scaleDown: { stabilizationWindowSeconds: 120, selectPolicy: 'Min', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] }, scaleUp: {} },
  }, context())), {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta('api-hpa'),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 75 } } }],
      behavior: { scaleUp: {}, scaleDown: { stabilizationWindowSeconds: 120, selectPolicy: 'Min', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
    },
  });
});

test('HPA behaviour profile supplies the CPU target only when none is declared', () => {
  const web = buildHorizontalPodAutoscaler({ scaleTargetRef: { kind: 'Deployment' }, maxReplicas: '5', behavior: { profile: 'Web' } }, context());
  assert.equal(web.spec.metrics?.[0]?.resource.target.averageUtilization, 70);
  assert.deepEqual(json(web.spec.behavior), {
    scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }, { type: 'Pods', value: 4, periodSeconds: 15 }] },
    scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Min', policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] },
  });
  const explicit = buildHorizontalPodAutoscaler({ targetCPUUtilizationPercentage: '55', behavior: { profile: 'batch' } }, context());
  assert.equal(explicit.spec.metrics?.[0]?.resource.target.averageUtilization, 55);
  const ctx = context();
  const unknown = buildHorizontalPodAutoscaler({ behavior: { profile: 'turbo' } }, ctx);
  assert.equal(unknown.spec.behavior, undefined);
  assert.equal(ctx.warnings.length, 1);
});

test('minimal PDB: <cr>-pdb, empty selector', () => {
  assert.deepEqual(json(buildPodDisruptionBudget({}, context())), {
    apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('web-pdb'), spec: { selector: {} },
  });
});

test('full PDB: minAvailable wins; percentages stay strings; profiles fill what is empty', () => {
  assert.deepEqual(json(buildPodDisruptionBudget({ name: 'p', selector: { app: 'api' }, minAvailable: '1', maxUnavailable: '50%' }, context())), {
    apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('p'), spec: { selector: { matchLabels: { app: 'api' } }, minAvailable: 1 },
  });
  assert.equal(buildPodDisruptionBudget({ maxUnavailable: '50%' }, context()).spec.maxUnavailable, '50%');
  assert.equal(buildPodDisruptionBudget({ behavior: { profile: 'zero-downtime' } }, context()).spec.minAvailable, '100%');
  assert.equal(buildPodDisruptionBudget({ behavior: { profile: 'rolling' } }, context()).spec.maxUnavailable, 1);
  assert.equal(buildPodDisruptionBudget({ maxUnavailable: '2', behavior: { profile: 'relaxed' } }, context()).spec.maxUnavailable, 2);
  assert.equal(buildPodDisruptionBudget({ behavior: { maxUnavailable: '3' } }, context()).spec.maxUnavailable, 3);
});

test('minimal NetworkPolicy: name required, podSelector {} selects every pod', () => {
  assert.deepEqual(json(buildNetworkPolicy({ name: 'np' }, context())), {
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta('np'), spec: { podSelector: {} },
  });
  assert.throws(() => buildNetworkPolicy({}, context()), ChildSpecError);
});

test('full NetworkPolicy: peers, ports, derived policy types', () => {
  assert.deepEqual(json(buildNetworkPolicy({
    name: 'api',
    podSelector: { app: 'api' },
    ingress: [
      { from: [{ podSelector: { role: 'fe' } }, { namespaceSelector: {} }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }, {}], ports: [{ port: '8080' }, { protocol: 'TCP', port: 'http' }] },
    ],
    egress: [],
  }, context())), {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta('api'),
    spec: {
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{
        from: [{ podSelector: { matchLabels: { role: 'fe' } } }, { namespaceSelector: {} }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }, { podSelector: {} }],
        ports: [{ port: 8080 }, { protocol: 'TCP', port: 'http' }],
      }],
    },
  });
});

test('NetworkPolicy profiles replace rules and policy types', () => {
  assert.deepEqual(json(buildNetworkPolicy({ name: 'd', profile: 'deny-all', ingress: [{ ports: [{ port: '1' }] }] }, context()).spec), {
    podSelector: {}, policyTypes: ['Ingress', 'Egress'],
  });
  assert.deepEqual(json(buildNetworkPolicy({ name: 'd', profile: 'allow-dns-egress' }, context()).spec), {
    podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }],
  });
  assert.deepEqual(json(buildNetworkPolicy({ name: 'd', profile: 'allow-same-namespace' }, context()).spec), {
    podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }] }],
  });
});
