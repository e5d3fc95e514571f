import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ChildSpecError, buildConfigMap, buildNamespace, buildPersistentVolume, buildPersistentVolumeClaim, buildSecret,
  buildService, buildServiceAccount,
} from '../../../../runtime-kit/children/index.ts';
import { OWNER, STAMP, context, json, meta } from './helpers.ts';

test('minimal Service: <cr>-svc, ClusterIP, targetPort = port, TCP, owner selector', () => {
  assert.deepEqual(json(buildService({ port: '80' }, context())), {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('web-svc'),
    spec: { type: 'ClusterIP', selector: { 'orkestra-owner': 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] },
  });
});

test('full Service: type, headless, protocol, targetPort, selector merged with the owner label', () => {
  assert.deepEqual(json(buildService({
    name: 'api', port: '443', targetPort: '8443', protocol: 'sctp', type: 'NodePort', headless: true,
    selector: { app: 'api', 'orkestra-owner': 'spoof' }, labels: { x: 'y' }, annotations: { note: 'n' },
  }, context())), {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('api', { labels: { ...STAMP, x: 'y' }, annotations: { note: 'n' } }),
    spec: {
      type: 'NodePort',
      clusterIP: 'None',
      selector: { app: 'api', 'orkestra-owner': 'web' },
      ports: [{ port: 443, targetPort: 8443, protocol: 'SCTP' }],
    },
  });
  assert.equal(buildService({ port: '80', type: 'ExternalName' }, context()).spec.type, 'ClusterIP');
  assert.equal(buildService({ port: '80', targetPort: 'http' }, context()).spec.ports[0]?.targetPort, 80);
});

test('Service without a usable port is a ChildSpecError', () => {
  for (const port of [undefined, '', 'http', '0']) {
    assert.throws(() => buildService({ port }, context()), (e: unknown) => e instanceof ChildSpecError && e.fields.join() === 'port');
  }
});

test('ConfigMap: <cr>-config, data sorted, empty data omitted', () => {
  assert.deepEqual(json(buildConfigMap({}, context())), { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('web-config') });
  const cm = buildConfigMap({ name: 'settings', data: { z: '1', a: 'x: y\n' }, labels: { l: 'v' } }, context());
  assert.deepEqual(Object.keys(cm.data ?? {}), ['a', 'z']);
  assert.deepEqual(json(cm), { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('settings', { labels: { ...STAMP, l: 'v' } }), data: { a: 'x: y\n', z: '1' } });
});

test('Secret: data is written as stringData (plain text), type Opaque by default', () => {
  assert.deepEqual(json(buildSecret({ data: { password: 's3cret', user: 'admin' } }, context())), {
    apiVersion: 'v1', kind: 'Secret', metadata: meta('web-secret'), type: 'Opaque', stringData: { password: 's3cret', user: 'admin' },
  });
});

test('full Secret: name, namespace, labels, annotations, type, sorted stringData', () => {
  assert.deepEqual(json(buildSecret({
    name: 'db-creds', namespace: 'shop', labels: { app: 'db' }, annotations: { rotate: 'never' }, type: 'kubernetes.io/tls',
    data: { 'tls.key': 'KEY', 'tls.crt': 'CERT' },
  }, context())), {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta('db-creds', { labels: { ...STAMP, app: 'db' }, annotations: { rotate: 'never' } }),
    type: 'kubernetes.io/tls',
    stringData: { 'tls.crt': 'CERT', 'tls.key': 'KEY' },
  });
});

test('Secret type mapping follows Orkestra (tls and dockerconfigjson in any case, else Opaque); annotations kept', () => {
  const ctx = context();
  assert.equal(buildSecret({ data: { a: 'b' }, type: 'KUBERNETES.IO/TLS' }, ctx).type, 'kubernetes.io/tls');
  assert.equal(buildSecret({ data: { a: 'b' }, type: 'kubernetes.io/dockerconfigjson' }, ctx).type, 'kubernetes.io/dockerconfigjson');
  assert.equal(buildSecret({ data: { a: 'b' }, type: 'kubernetes.io/basic-auth' }, ctx).type, 'Opaque');
  assert.deepEqual(buildSecret({ data: { a: 'b' }, annotations: { k: 'v' } }, ctx).metadata.annotations, { k: 'v' });
});

test('Secret needs data or a runtime source', () => {
  assert.throws(() => buildSecret({}, context()), ChildSpecError);
  assert.throws(() => buildSecret({ data: {} }, context()), ChildSpecError);
  const copied = buildSecret({ fromSecret: 'master' }, context());
  assert.equal(copied.stringData, undefined);
});

test('ServiceAccount: <cr>-sa, metadata only', () => {
  assert.deepEqual(json(buildServiceAccount({}, context())), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('web-sa') });
  assert.deepEqual(json(buildServiceAccount({ name: 'runner', namespace: 'shop', labels: { a: 'b' } }, context())), {
    apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('runner', { labels: { ...STAMP, a: 'b' } }),
  });
});

test('minimal PersistentVolumeClaim: accessModes [ReadWriteOnce], no class or mode unless declared', () => {
  assert.deepEqual(json(buildPersistentVolumeClaim({ name: 'data', storage: '5Gi' }, context())), {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta('data'),
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } },
  });
});

test('full PersistentVolumeClaim', () => {
  assert.deepEqual(json(buildPersistentVolumeClaim({
    name: 'data', storage: '5Gi', storageClassName: 'gp3', accessModes: ['ReadWriteMany'], volumeMode: 'Block', volumeName: 'pv-1',
  }, context())), {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta('data'),
    spec: { accessModes: ['ReadWriteMany'], storageClassName: 'gp3', volumeMode: 'Block', volumeName: 'pv-1', resources: { requests: { storage: '5Gi' } } },
  });
  assert.equal(buildPersistentVolumeClaim({ name: 'd', storage: '1Gi', volumeMode: 'block' }, context()).spec.volumeMode, 'Filesystem');
});

test('PersistentVolumeClaim requires a name and a valid storage quantity', () => {
  assert.throws(() => buildPersistentVolumeClaim({ storage: '1Gi' }, context()), (e: unknown) => e instanceof ChildSpecError && e.fields.join() === 'name');
  assert.throws(() => buildPersistentVolumeClaim({ name: 'd' }, context()), (e: unknown) => e instanceof ChildSpecError && e.fields.join() === 'storage');
  assert.throws(() => buildPersistentVolumeClaim({ name: 'd', storage: 'big' }, context()), ChildSpecError);
});

test('PersistentVolume: cluster-scoped, no owner reference under a namespaced CR', () => {
  assert.deepEqual(json(buildPersistentVolume({ name: 'pv-1', capacity: '10Gi', hostPath: '/mnt/data' }, context())), {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv-1', labels: STAMP },
    spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data' } },
  });
  const csi = buildPersistentVolume({
    name: 'pv-2', capacity: '1Ti', reclaimPolicy: 'Delete', storageClassName: 'ebs', csiDriver: 'ebs.csi.aws.com', csiVolumeHandle: 'vol-1',
  }, context({ owner: { ...OWNER, namespace: '' } }));
  assert.deepEqual(json(csi.spec), {
    capacity: { storage: '1Ti' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'ebs',
    csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' },
  });
  assert.equal(csi.metadata.ownerReferences?.length, 1);
  assert.equal(buildPersistentVolume({ name: 'p', capacity: '1Gi', reclaimPolicy: 'keep' }, context()).spec.persistentVolumeReclaimPolicy, 'Retain');
  assert.throws(() => buildPersistentVolume({ name: 'p' }, context()), ChildSpecError);
});

test('Namespace: <cr>-ns, finalizers in metadata, no owner reference under a namespaced CR', () => {
  assert.deepEqual(json(buildNamespace({}, context())), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web-ns', labels: STAMP } });
  assert.deepEqual(json(buildNamespace({ name: 'team-a', labels: { team: 'a' }, finalizers: ['acme.io/cleanup'] }, context())), {
    apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', labels: { ...STAMP, team: 'a' }, finalizers: ['acme.io/cleanup'] },
  });
});
