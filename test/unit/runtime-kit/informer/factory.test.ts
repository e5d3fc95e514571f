import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { staticConnection } from '../../../../runtime-kit/client/connection.ts';
import { KubeClient } from '../../../../runtime-kit/client/rest.ts';
import { InformerFactory, selectionKey } from '../../../../runtime-kit/informer/factory.ts';

const client = new KubeClient({ connection: staticConnection('http://127.0.0.1:9') });
const deploy = { group: 'apps', version: 'v1', plural: 'deployments' };

describe('InformerFactory', () => {
  it('returns one shared informer per type + namespace + selectors (object names ignored)', () => {
    const f = new InformerFactory(client);
    const a = f.informer(deploy);
    assert.equal(f.informer({ ...deploy, name: 'web' }), a);
    assert.notEqual(f.informer({ ...deploy, namespace: 'shop' }), a);
    assert.notEqual(f.informer(deploy, { labelSelector: 'app=x' }), a);
    assert.notEqual(f.informer(deploy, { fieldSelector: 'metadata.name=x' }), a);
    assert.notEqual(f.informer({ ...deploy, version: 'v2' }), a);
    assert.equal(f.size, 5);
  });

  it('keys name every part of the selection', () => {
    assert.equal(selectionKey({ ...deploy, namespace: 'shop' }, { labelSelector: 'a=b' }), 'apps/v1/deployments ns=shop l=a=b f=');
  });

  it('after stop, no new informers; waitForSync of stopped informers is false', async () => {
    const f = new InformerFactory(client);
    f.informer(deploy);
    await f.stop();
    assert.equal(await f.waitForSync(), false);
    assert.throws(() => f.informer(deploy), /stopped/);
  });
});
