/**
 * Branches of checks ORK016–ORK043 beyond the one failing Katalog per code in
 * examples/invalid/: each case is a small Katalog validated in-process, with the code (or
 * validity) and a fragment of the message expected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateKatalog } from '../../../compiler/validate.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'ork-checks-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Validates a Katalog with one CRD `widget` whose entry body is `crd` (indented 6) plus `top`. */
function validate(crd: string, top = ''): ReturnType<typeof validateKatalog> {
  const file = path.join(dir, `k${n++}.yaml`);
  const body = crd.split('\n').map((l) => (l === '' ? l : `      ${l}`)).join('\n');
  writeFileSync(file, `apiVersion: orkestra.orkspace.io/v1
kind: Katalog
metadata:
  name: checks
spec:
  crds:
    widget:
      apiTypes: {group: ex.dev, version: v1, kind: Widget, plural: widgets}
${body}
    other:
      apiTypes: {group: ex.dev, version: v1, kind: Other, plural: others}
      labelSelector: {tier: data}
${top}
`);
  return validateKatalog(file);
}

/** A deployment entry under onReconcile with `extra` keys (indented under the entry). */
const deployment = (extra: string): string => `operatorBox:
  onReconcile:
    deployments:
      - name: web
        image: nginx
${extra.split('\n').map((l) => `        ${l}`).join('\n')}`;

function fails(name: string, code: string, message: RegExp, crd: string, top = ''): void {
  test(`${code}: ${name}`, () => {
    const v = validate(crd, top);
    const errors = v.diagnostics.filter((d) => d.severity === 'error');
    const hit = errors.find((d) => d.code === code);
    assert.ok(hit, `expected ${code}, got ${errors.map((d) => `${d.code}: ${d.message}`).join(' | ') || 'no error'}`);
    assert.match(hit.message, message);
    assert.ok(hit.hint && hit.position, 'hint and position');
  });
}

function passes(name: string, crd: string, top = ''): void {
  test(`passes: ${name}`, () => {
    const errors = validate(crd, top).diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), []);
  });
}

fails('probe profile mixed with timing', 'ORK017', /both a profile/, deployment('probes:\n  liveness: {path: /h, profile: fast, periodSeconds: 3}'));
fails('sleep with an unknown unit', 'ORK019', /sleep/, deployment('sleep: 5 minutes'));
fails('ordered-deletion stage timeout in days', 'ORK019', /timeout/, `operatorBox:
  onDelete:
    ordered: true
    groups:
      - name: a
        timeout: 1d
        configMaps: [{name: x}]`);
fails('notification interval', 'ORK019', /interval of notification team/, '', 'gateway: {endpoint: "http://gw:8081"}\nnotification:\n  teams: {ops: {email: [a@b.c], interval: soon}}');
fails('cron window duration', 'ORK019', /cron window/, deployment('when: [{cron: "0 9 * * 1-5", duration: 8 hours}]'));
fails('HPA kind that needs an apiVersion', 'ORK020', /no apiVersion/, `operatorBox:
  onReconcile:
    hpa:
      - name: h
        scaleTargetRef: {kind: Rollout, name: web}`);
fails('teams without any notification block', 'ORK021', /declares no notification teams/, `operatorBox:
  onReconcile:
    configMaps:
      - name: x
        when: [{field: spec.a, exists: true, notify: {teams: [ops]}}]`);
fails('status path with a double dot', 'ORK022', /not a dot path/, `operatorBox:
  status:
    fields: [{path: a..b, value: x}]`);
fails('service protocol', 'ORK023', /protocol/, `operatorBox:
  onReconcile:
    services: [{name: s, protocol: HTTP}]`);
fails('custom manifest of a natively managed kind', 'ORK024', /manages natively/, `operatorBox:
  onReconcile:
    custom:
      - apiVersion: v1
        kind: ConfigMap
        metadata: {name: x, namespace: y}`);
fails('cluster-scoped custom manifest with a namespace', 'ORK024', /cluster-scoped/, `operatorBox:
  onReconcile:
    custom:
      - apiVersion: example.com/v1
        kind: Thing
        metadata: {name: x, namespace: y, namespaced: false}`);
fails('custom manifest annotation key', 'ORK024', /annotation key/, `operatorBox:
  onReconcile:
    custom:
      - apiVersion: example.com/v1
        kind: Thing
        metadata: {name: x, namespace: y, annotations: {"bad key": v}}`);
fails('gateway standalone and endpoint', 'ORK025', /both set/, '', 'gateway: {standalone: true, endpoint: "http://gw:8081"}');
fails('gateway endpoint not a URL', 'ORK025', /not an http\(s\) URL/, '', 'gateway: {endpoint: "gw:8081"}');
fails('security profile mixed with fields', 'ORK026', /both a security profile/, deployment('podSecurity: {profile: restricted, fsGroup: 1}'));
fails('duplicate note', 'ORK028', /declared twice/, '', 'notes:\n  functions:\n    - {name: a, expression: "x"}\n    - {name: a, expression: "y"}');
fails('note named after a Go built-in', 'ORK028', /Go template built-in/, '', 'notes:\n  functions:\n    - {name: printf, expression: "x"}');
fails('note shadowing an Orkestra built-in', 'ORK028', /shadows/, '', 'notes:\n  functions:\n    - {name: coalesce, expression: "x"}');
fails('note with an empty expression', 'ORK028', /empty expression/, '', 'notes:\n  functions:\n    - {name: a, expression: "  "}');
passes('note shadowing an Orkestra built-in on purpose', '', 'notes:\n  functions:\n    - {name: coalesce, expression: "x", shadow: true}');
fails('unknown rolling update profile', 'ORK029', /unknown rollingUpdate.profile/, deployment('rollingUpdate: {profile: canary}'));
fails('label key with two slashes', 'ORK031', /not a valid Kubernetes label key/, 'labels: {"a/b/c": x}');
fails('static label value too long', 'ORK031', /not a valid label value/, `labels: {app: ${'x'.repeat(64)}}`);
fails('labelSelector value as a template', 'ORK031', /must be static/, 'labelSelector: {app: "{{ .spec.x }}"}');
fails('retryBackoff shorthand without unit', 'ORK033', /not a Go duration/, `operatorBox:
  reconciler:
    queue: {retryBackoff: "5"}`);
fails('retryBackoff multiplier below 1', 'ORK033', /at least 1/, `operatorBox:
  reconciler:
    queue: {retryBackoff: {multiplier: 0.5}}`);
passes('requeue.after empty, or a template', `operatorBox:
  reconciler:
    requeue: {after: ""}`);
fails('requeue.after in days', 'ORK034', /not a valid duration/, `operatorBox:
  reconcile:
    requeue: {after: 2d}`);
fails('cross with crd and labelSelector', 'ORK035', /both crd and labelSelector/, 'operatorBox:\n  cross: [{crd: other, labelSelector: {tier: data}, as: o}]');
fails('cross by labelSelector without as', 'ORK035', /no `as`/, 'operatorBox:\n  cross: [{labelSelector: {tier: data}}]');
fails('cross reading itself', 'ORK035', /its own CRD/, 'operatorBox:\n  cross: [{crd: widget}]');
fails('cross labelSelector matching nothing', 'ORK035', /no other CRD/, 'operatorBox:\n  cross: [{labelSelector: {tier: web}, as: w}]');
fails('cross namespace without name', 'ORK035', /namespace but no name/, 'operatorBox:\n  cross: [{crd: other, selector: {namespace: x}}]');
fails('unknown sentinel', 'ORK036', /unknown sentinel/, 'operatorBox:\n  preReconcile: {sentinels: [generationChange]}');
fails('event on: value', 'ORK037', /unknown on: value/, 'operatorBox:\n  observe:\n    events:\n      e: {reason: X, on: [created]}');
fails('event keyFrom with both', 'ORK037', /exactly one/, 'operatorBox:\n  observe:\n    events:\n      e: {reason: X, keyFrom: {label: a, name: b}}');
fails('condition without field', 'ORK040', /no field/, deployment('when: [{equals: x}]'));
fails('condition without operator', 'ORK040', /no operator/, deployment('when: [{field: spec.a}]'));
fails('condition with operator and shorthand', 'ORK040', /2 ways/, deployment('when: [{field: spec.a, operator: equals, value: x, contains: y}]'));
fails('operator that needs a value', 'ORK040', /needs a value/, deployment('when: [{field: spec.a, operator: in}]'));
fails('between with one number', 'ORK040', /"min,max"/, deployment('or: [{field: spec.a, between: "5"}]'));
fails('between reversed', 'ORK040', /min greater than max/, deployment('or: [{field: spec.a, notBetween: "9,1"}]'));
fails('gt with a word', 'ORK040', /compares numbers/, deployment('when: [{field: spec.a, operator: gt, value: many}]'));
fails('regex that does not compile', 'ORK040', /does not compile/, deployment('when: [{field: spec.a, regex: "(a"}]'));
fails('unknown operator in a validation rule', 'ORK040', /unknown operator `exist`/, 'validation:\n  rules: [{field: spec.a, operator: exist, message: m}]');
fails('unknown operator in a requeue gate', 'ORK040', /unknown operator/, `operatorBox:
  reconciler:
    requeue: {after: 1m, when: [{field: spec.a, operator: equal, value: x}]}`);
fails('unknown operator in a status field gate', 'ORK040', /unknown operator/, `operatorBox:
  status:
    fields: [{path: p, value: v, or: [{field: spec.a, operator: eq, value: x}]}]`);
passes('time conditions need no field, value-less operators no value', deployment(`when:
  - time: {after: "08:00"}
  - {field: spec.a, operator: exists}
  - {field: spec.a, notExists: true}
  - {field: spec.a, operator: typeString}`));
fails('reconciler default: false', 'ORK042', /default: false/, 'operatorBox:\n  reconciler: {default: false}');
fails('Go hooks', 'ORK042', /Go reconcile `hooks`/, 'operatorBox:\n  reconciler:\n    hooks: {location: example.com/x, function: F}');
fails('git hook', 'ORK042', /git/, 'operatorBox:\n  onReconcile:\n    git: {repo: "https://example.com/r.git"}');
fails('workload autoscale', 'ORK042', /autoscale/, deployment('autoscale: {max: 5}'));
fails('rollBackOnError', 'ORK042', /rollBackOnError/, 'operatorBox:\n  rollBackOnError: true');
fails('status include', 'ORK042', /include/, 'operatorBox:\n  status: {include: ./fields.yaml}');
fails('remote condition source', 'ORK042', /remote `source:`/, deployment('when: [{field: cross.db.metrics.x, greaterThan: 1, source: {host: "http://db:8080"}}]'));
fails('Katalog providers', 'ORK042', /providers/, '', 'providers: [{name: aws}]');
fails('standalone notification', 'ORK042', /standalone notification/, '', 'notification:\n  standalone: true\n  teams: {ops: {email: [a@b.c]}}');

test('ORK043: ignored parts get one note each and no error', () => {
  const v = validate('serve: {}\ndeletionProtection: {protectCRs: false}', 'gateway: {endpoint: "http://gw:8081", enabled: true}\nsecurity: {}');
  assert.deepEqual(v.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
  const notes = v.diagnostics.filter((d) => d.code === 'ORK043');
  assert.ok(notes.every((d) => d.severity === 'note' && /validated; not part of the compiled operator/.test(d.message)));
  assert.deepEqual(notes.map((d) => d.path).sort(), ['gateway.enabled', 'security', 'spec.crds.widget.deletionProtection', 'spec.crds.widget.serve'].sort());
});
