/**
 * Random rendered declarations for every child list: a builder returns an object or throws a
 * ChildSpecError (or a TypeError for shapes the Katalog schema rejects, such as a string where a
 * list belongs — builders trust their typed input), the object survives a JSON round trip unchanged, building
 * twice gives the same bytes, and Object.prototype is never touched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CHILD_BUILDERS, ChildSpecError, type BuildContext, type KubeObject } from '../../../../runtime-kit/children/index.ts';
import { OWNER } from './helpers.ts';

const word = fc.oneof(
  fc.constantFrom('', '0', '1', '3', '-1', '80', '8080abc', '25%', 'abc', '1Gi', '100m', 'UDP', 'true', 'yes', '__proto__', 'constructor', 'toString'),
  fc.string({ maxLength: 8 }),
);
const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'a', 'b', '1'), fc.string({ maxLength: 6 }));
const map = fc.dictionary(key, word, { maxKeys: 4 }).map((d) => JSON.parse(JSON.stringify(d)) as Record<string, string>);
const list = fc.array(word, { maxLength: 3 });

/** Any JSON-ish value, weighted towards the shapes the schema uses. */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    word, fc.integer({ min: -5, max: 70000 }), fc.boolean(), map, list,
    fc.array(tie('v'), { maxLength: 2 }),
    fc.dictionary(key, tie('v'), { maxKeys: 3 }),
  ),
})).v;

const FIELDS = [
  'name', 'namespace', 'labels', 'annotations', 'image', 'replicas', 'port', 'protocol', 'env', 'envFrom', 'resources', 'probes',
  'securityContext', 'podSecurity', 'rollingUpdate', 'volumes', 'volumeMounts', 'nodeSelector', 'imagePullSecrets', 'command',
  'schedule', 'suspend', 'data', 'type', 'selector', 'targetPort', 'storage', 'capacity', 'hard', 'limits', 'rules', 'subjects',
  'roleRef', 'ingress', 'egress', 'podSelector', 'behavior', 'minAvailable', 'maxReplicas', 'tls', 'host', 'servicePort',
  'volumeClaimTemplates', 'finalizers', 'apiVersion', 'kind', 'metadata', 'spec', 'profile', 'backoffLimit', 'tag',
] as const;

const declaration = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 });

const ctx: BuildContext = { owner: OWNER, onWarning: () => undefined };

test('random declarations: an object or a ChildSpecError; JSON-stable, deterministic, no pollution', () => {
  const builders = CHILD_BUILDERS as unknown as Record<string, (i: unknown, c: BuildContext) => KubeObject>;
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(builders)), declaration, (listKey, input) => {
      const build = builders[listKey] as (i: unknown, c: BuildContext) => KubeObject;
      let out: KubeObject;
      try {
        out = build(input, ctx);
      } catch (e) {
        if (e instanceof ChildSpecError) return;
        // Shapes the schema rejects (a string where a list belongs ...) may throw a TypeError; anything else is a bug.
        if (e instanceof TypeError) return;
        throw e;
      }
      const bytes = JSON.stringify(out);
      assert.deepEqual(JSON.parse(bytes), JSON.parse(JSON.stringify(out)));
      assert.equal(JSON.stringify(build(input, ctx)), bytes);
      assert.equal(out.metadata.labels?.['orkestra.orkspace.io/managed'], 'true');
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
      assert.equal(Object.getPrototypeOf(out.metadata.labels), Object.prototype);
    }),
    { numRuns: 3000, seed: 4242 },
  );
});

test('schema-shaped random Deployments never throw anything but ChildSpecError', () => {
  const envVar = fc.record({ name: word, value: fc.option(word, { nil: undefined }) }, { requiredKeys: ['name'] });
  const probe = fc.record({ type: fc.constantFrom('http', 'tcp', 'exec', ''), path: word, port: fc.integer({ min: 0, max: 70000 }), profile: word });
  const deployment = fc.record({
    name: word, namespace: word, image: word, replicas: word, port: word, protocol: word, labels: map, annotations: map,
    env: fc.array(envVar, { maxLength: 3 }),
    envFrom: fc.record({ secretRef: fc.array(fc.record({ name: word, keys: list, prefix: word, suffix: word })) }),
    resources: fc.oneof(fc.record({ profile: word }), fc.record({ requests: map, limits: map })),
    probes: fc.record({ liveness: probe, readiness: probe, startup: probe }, { requiredKeys: [] }),
    securityContext: fc.record({ profile: word }), podSecurity: fc.record({ profile: word }),
    rollingUpdate: fc.oneof(fc.record({ profile: word }), fc.record({ maxSurge: word, maxUnavailable: word })),
    nodeSelector: map, imagePullSecrets: list,
  }, { requiredKeys: [] });
  fc.assert(
    fc.property(deployment, (input) => {
      try {
        const out = CHILD_BUILDERS.deployments(input, ctx);
        assert.equal(JSON.stringify(CHILD_BUILDERS.deployments(input, ctx)), JSON.stringify(out));
      } catch (e) {
        if (!(e instanceof ChildSpecError)) throw e;
      }
    }),
    { numRuns: 1500, seed: 7 },
  );
});
