import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONTAINER_SECURITY_PROFILES, POD_SECURITY_PROFILES, PROBE_PROFILES, RESOURCE_PROFILES, buildDeployment, buildStatefulSet,
  type UserProfiles,
} from '../../../../runtime-kit/children/index.ts';
import { context, json } from './helpers.ts';

const container = (input: Parameters<typeof buildDeployment>[0], profiles?: UserProfiles) => {
  const ctx = context(profiles === undefined ? {} : { profiles });
  return { c: json(buildDeployment({ image: 'i', port: '80', ...input }, ctx).spec.template.spec.containers[0]) as Record<string, unknown>, ctx };
};

test('every built-in resource profile expands to requests and limits', () => {
  const want: Record<string, [string, string, string, string]> = {
    tiny: ['25m', '64Mi', '100m', '128Mi'], small: ['100m', '128Mi', '500m', '512Mi'], medium: ['250m', '256Mi', '1', '1Gi'],
    large: ['500m', '512Mi', '2', '2Gi'], burst: ['200m', '256Mi', '2', '2Gi'], steady: ['300m', '256Mi', '600m', '512Mi'],
    'compute-heavy': ['1', '512Mi', '2', '1Gi'], 'memory-heavy': ['250m', '1Gi', '500m', '2Gi'],
  };
  assert.deepEqual([...RESOURCE_PROFILES.keys()].sort(), Object.keys(want).sort());
  for (const [name, [rc, rm, lc, lm]] of Object.entries(want)) {
    assert.deepEqual(container({ resources: { profile: name } }).c['resources'], { requests: { cpu: rc, memory: rm }, limits: { cpu: lc, memory: lm } }, name);
  }
  assert.deepEqual(container({ resources: { profile: 'MEDIUM' } }).c['resources'], { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } });
});

test('a user resource profile wins over the built-in of the same name', () => {
  const profiles: UserProfiles = { resources: [{ name: 'small', requests: { cpu: '1m' } }] };
  assert.deepEqual(container({ resources: { profile: 'small' } }, profiles).c['resources'], { requests: { cpu: '1m' } });
});

test('an unknown resource profile sets no resources and warns; an invalid quantity is an error', () => {
  const { c, ctx } = container({ resources: { profile: 'gigantic' } });
  assert.equal(c['resources'], undefined);
  assert.match(ctx.warnings[0]?.message ?? '', /gigantic/);
  assert.throws(() => container({ resources: { limits: { cpu: 'two' } } }));
});

test('probe profiles: exact names, user profiles first, unknown → standard with a warning', () => {
  assert.deepEqual([...PROBE_PROFILES.keys()], ['fast', 'standard', 'patient', 'slow-start']);
  const patient = container({ probes: { liveness: { type: 'tcp', profile: 'patient' } } }).c['livenessProbe'];
  assert.deepEqual(patient, { tcpSocket: { port: 80 }, initialDelaySeconds: 30, timeoutSeconds: 10, periodSeconds: 30, successThreshold: 1, failureThreshold: 5 });
  const upper = container({ probes: { liveness: { type: 'tcp', profile: 'FAST' } } });
  assert.deepEqual((upper.c['livenessProbe'] as Record<string, unknown>)['periodSeconds'], 20, 'FAST is not fast');
  assert.equal(upper.ctx.warnings.length, 1);
  const user = container({ probes: { liveness: { type: 'tcp', profile: 'aggressive' } } }, { probes: [{ name: 'aggressive', initialDelaySeconds: 2, periodSeconds: 5 }] });
  assert.deepEqual(user.c['livenessProbe'], { tcpSocket: { port: 80 }, initialDelaySeconds: 2, periodSeconds: 5 });
  const overridden = container({ probes: { liveness: { type: 'tcp', profile: 'fast', failureThreshold: 9 } } }).c['livenessProbe'] as Record<string, unknown>;
  assert.equal(overridden['failureThreshold'], 9);
});

test('security profiles: baseline, restricted, hardened for containers and pods', () => {
  assert.deepEqual(Object.fromEntries(CONTAINER_SECURITY_PROFILES), {
    baseline: { allowPrivilegeEscalation: false, capabilities: { drop: ['NET_RAW'] } },
    restricted: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
    hardened: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
  });
  assert.deepEqual(Object.fromEntries(POD_SECURITY_PROFILES), {
    baseline: { runAsNonRoot: false },
    restricted: { runAsNonRoot: true, runAsUser: 1000 },
    hardened: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, fsGroup: 65534 },
  });
  const ctx = context();
  const d = buildDeployment({ image: 'i', securityContext: { profile: 'Restricted' }, podSecurity: { profile: 'hardened' } }, ctx);
  assert.deepEqual(json(d.spec.template.spec.securityContext), { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, fsGroup: 65534 });
  assert.deepEqual(json(d.spec.template.spec.containers[0]?.securityContext), { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } });
  const user = buildDeployment({ image: 'i', securityContext: { profile: 'mine' }, podSecurity: { profile: 'nope' } }, context({
    profiles: { containerSecurity: [{ name: 'mine', runAsUser: 7 }] },
  }));
  assert.deepEqual(json(user.spec.template.spec.containers[0]?.securityContext), { runAsUser: 7 });
  assert.equal(user.spec.template.spec.securityContext, undefined);
});

test('rolling update profiles: safe, fast, blue-green, user, unknown', () => {
  const strategy = (profile: string, profiles?: UserProfiles) => json(buildDeployment({ image: 'i', rollingUpdate: { profile } }, context(profiles ? { profiles } : {})).spec.strategy);
  assert.deepEqual(strategy('safe'), { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
  assert.deepEqual(strategy('fast'), { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
  assert.deepEqual(strategy('Blue-Green'), { type: 'RollingUpdate', rollingUpdate: { maxSurge: '100%', maxUnavailable: 0 } });
  assert.deepEqual(strategy('org', { rollingUpdate: [{ name: 'org', maxSurge: '2' }] }), { type: 'RollingUpdate', rollingUpdate: { maxSurge: 2 } });
  assert.equal(strategy('nope'), undefined);
  assert.deepEqual(json(buildStatefulSet({ image: 'i', rollingUpdate: { profile: 'nope' } }, context()).spec.updateStrategy), { type: 'OnDelete' });
});

test('profile names such as constructor or __proto__ are not found on prototypes', () => {
  const { c, ctx } = container({ resources: { profile: 'constructor' }, probes: { liveness: { type: 'tcp', profile: '__proto__' } } });
  assert.equal(c['resources'], undefined);
  assert.equal((c['livenessProbe'] as Record<string, unknown>)['periodSeconds'], 20);
  assert.equal(ctx.warnings.length, 2);
});
