/**
 * Proves the test control plane is the real thing, with @kubernetes/client-node against the
 * run's kube-apiserver + etcd + kube-controller-manager: CRDs, watches, server-side apply,
 * optimistic concurrency (409), RBAC for a ServiceAccount token, garbage collection and
 * namespace deletion.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiextensionsV1Api,
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  RbacAuthorizationV1Api,
  Watch,
  type KubernetesObject,
  type V1CustomResourceDefinition,
} from '@kubernetes/client-node';
import { createTestNamespace, deleteNamespace, eventually, kubeConfig, uniqueSuffix } from '../../helpers/control-plane.ts';

const kc = kubeConfig();
const core = kc.makeApiClient(CoreV1Api);
const ext = kc.makeApiClient(ApiextensionsV1Api);
const custom = kc.makeApiClient(CustomObjectsApi);
const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
const objects = KubernetesObjectApi.makeApiClient(kc);

const group = `it${uniqueSuffix()}.ork.example`;
const version = 'v1';
const plural = 'widgets';
const crdName = `${plural}.${group}`;

interface Widget extends KubernetesObject {
  spec?: { size?: number; color?: string };
}

/** The HTTP status of a rejected client-node call (fails the test if it did not reject). */
async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ApiException) return err.code;
    throw err;
  }
  assert.fail('expected the API server to reject the request');
}

async function gone(read: () => Promise<unknown>): Promise<true | undefined> {
  try {
    await read();
    return undefined;
  } catch (err) {
    if (err instanceof ApiException && err.code === 404) return true;
    throw err;
  }
}

describe('the test control plane is a real Kubernetes API server', { timeout: 240_000 }, () => {
  let ns: string;
  const events: { type: string; obj: Widget }[] = [];
  let watchAbort: AbortController | undefined;
  let watchError: unknown;
  let created: Widget | undefined;

  before(async () => {
    ns = await createTestNamespace('real-apiserver');
  });
  after(async () => {
    watchAbort?.abort();
    await deleteNamespace(ns);
    await ext.deleteCustomResourceDefinition({ name: crdName }).catch(() => undefined);
  });

  it('creates a CRD and sees it Established', async () => {
    const crd: V1CustomResourceDefinition = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: crdName },
      spec: {
        group,
        scope: 'Namespaced',
        names: { kind: 'Widget', plural, singular: 'widget', listKind: 'WidgetList' },
        versions: [
          {
            name: version,
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: { spec: { type: 'object', properties: { size: { type: 'integer' }, color: { type: 'string' } } } },
              },
            },
          },
        ],
      },
    };
    await ext.createCustomResourceDefinition({ body: crd });
    const established = await eventually('CRD Established', 30_000, async () => {
      const got = await ext.readCustomResourceDefinition({ name: crdName });
      return got.status?.conditions?.find((c) => c.type === 'Established' && c.status === 'True');
    });
    assert.equal(established.status, 'True');
  });

  it('creates a CR and receives it from a watch', async () => {
    // List, then watch from the list's resourceVersion (the informer pattern). The list is
    // retried: right after Established the new resource's handler can still answer 404.
    const list = await eventually('the new resource to be served', 10_000, async () =>
      (await custom.listNamespacedCustomObject({ group, version, namespace: ns, plural })) as { metadata?: { resourceVersion?: string } },
    );
    watchAbort = await new Watch(kc).watch(
      `/apis/${group}/${version}/namespaces/${ns}/${plural}`,
      { resourceVersion: list.metadata?.resourceVersion },
      (type: string, obj: Widget) => void events.push({ type, obj }),
      (err: unknown) => {
        if (err && (err as Error).name !== 'AbortError') watchError = err;
      },
    );
    created = (await custom.createNamespacedCustomObject({
      group,
      version,
      namespace: ns,
      plural,
      body: { apiVersion: `${group}/${version}`, kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 1 } },
    })) as Widget;
    assert.ok(created.metadata?.resourceVersion);
    const added = await eventually('ADDED event', 10_000, async () => {
      if (watchError) throw watchError;
      return events.find((e) => e.type === 'ADDED' && e.obj.metadata?.name === 'w1');
    });
    assert.equal(added.obj.spec?.size, 1);
    assert.equal(added.obj.metadata?.uid, created.metadata?.uid);
  });

  it('updates the CR with server-side apply and sees the change in the watch and in managedFields', async () => {
    const applied = (await objects.patch<Widget>(
      { apiVersion: `${group}/${version}`, kind: 'Widget', metadata: { name: 'w1', namespace: ns }, spec: { size: 3, color: 'blue' } },
      undefined,
      undefined,
      'ork-test',
      true,
      PatchStrategy.ServerSideApply,
    )) as Widget;
    assert.equal(applied.spec?.size, 3);
    assert.equal(applied.spec?.color, 'blue');
    const manager = applied.metadata?.managedFields?.find((f) => f.manager === 'ork-test');
    assert.equal(manager?.operation, 'Apply');
    const modified = await eventually('MODIFIED event', 10_000, async () => events.find((e) => e.type === 'MODIFIED' && e.obj.spec?.color === 'blue'));
    assert.equal(modified.obj.metadata?.resourceVersion, applied.metadata?.resourceVersion);
  });

  it('rejects an update with a stale resourceVersion with 409 Conflict', async () => {
    const current = (await custom.getNamespacedCustomObject({ group, version, namespace: ns, plural, name: 'w1' })) as Widget;
    const stale = created;
    assert.ok(stale?.metadata?.resourceVersion);
    assert.notEqual(stale.metadata.resourceVersion, current.metadata?.resourceVersion);
    const body = { ...stale, spec: { size: 99 } };
    assert.equal(await statusOf(custom.replaceNamespacedCustomObject({ group, version, namespace: ns, plural, name: 'w1', body })), 409);
    // With the current resourceVersion the same update goes through.
    const ok = (await custom.replaceNamespacedCustomObject({ group, version, namespace: ns, plural, name: 'w1', body: { ...current, spec: { size: 99 } } })) as Widget;
    assert.equal(ok.spec?.size, 99);
  });

  it('enforces RBAC for a ServiceAccount token: 403 without a Role, allowed after Role + RoleBinding', async () => {
    await core.createNamespacedServiceAccount({ namespace: ns, body: { metadata: { name: 'bot' } } });
    const tr = await core.createNamespacedServiceAccountToken({ name: 'bot', namespace: ns, body: { spec: { expirationSeconds: 600 } } });
    const token = tr.status?.token;
    assert.ok(token, 'TokenRequest returned a token');
    const cluster = kc.getCurrentCluster();
    assert.ok(cluster);
    const botKc = new KubeConfig();
    botKc.loadFromOptions({
      clusters: [cluster],
      users: [{ name: 'bot', token }],
      contexts: [{ name: 'bot', cluster: cluster.name, user: 'bot' }],
      currentContext: 'bot',
    });
    const botCore = botKc.makeApiClient(CoreV1Api);
    assert.equal(await statusOf(botCore.listNamespacedConfigMap({ namespace: ns })), 403);

    await rbac.createNamespacedRole({
      namespace: ns,
      body: { metadata: { name: 'cm-reader' }, rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }] },
    });
    await rbac.createNamespacedRoleBinding({
      namespace: ns,
      body: {
        metadata: { name: 'bot-cm-reader' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'cm-reader' },
        subjects: [{ kind: 'ServiceAccount', name: 'bot', namespace: ns }],
      },
    });
    const list = await eventually('RBAC to allow the token', 10_000, () => botCore.listNamespacedConfigMap({ namespace: ns }));
    assert.ok(Array.isArray(list.items));
    // Still no permission beyond the Role: secrets stay forbidden.
    assert.equal(await statusOf(botCore.listNamespacedSecret({ namespace: ns })), 403);
  });

  it('garbage-collects a dependent when its owner is deleted (ownerReference)', async () => {
    const owner = await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'owner' }, data: { a: '1' } } });
    assert.ok(owner.metadata?.uid);
    await core.createNamespacedConfigMap({
      namespace: ns,
      body: {
        metadata: { name: 'child', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid }] },
        data: { b: '2' },
      },
    });
    await core.deleteNamespacedConfigMap({ name: 'owner', namespace: ns, propagationPolicy: 'Background' });
    await eventually('the child ConfigMap to be collected', 60_000, () => gone(() => core.readNamespacedConfigMap({ name: 'child', namespace: ns })), 200);
  });

  it('deletes a namespace with everything in it (namespace controller)', async () => {
    const doomed = await createTestNamespace('doomed');
    await core.createNamespacedConfigMap({ namespace: doomed, body: { metadata: { name: 'cm' } } });
    await custom.createNamespacedCustomObject({
      group,
      version,
      namespace: doomed,
      plural,
      body: { apiVersion: `${group}/${version}`, kind: 'Widget', metadata: { name: 'w' }, spec: { size: 1 } },
    });
    await core.deleteNamespace({ name: doomed });
    // The namespace controller waits a fixed 5 s before it starts; measured 5.2-5.5 s in total.
    await eventually('the namespace to be gone', 90_000, () => gone(() => core.readNamespace({ name: doomed })), 250);
    const cms = await core.listNamespacedConfigMap({ namespace: doomed });
    assert.deepEqual(cms.items, []);
    const widgets = (await custom.listNamespacedCustomObject({ group, version, namespace: doomed, plural })) as { items: unknown[] };
    assert.deepEqual(widgets.items, []);
  });
});
