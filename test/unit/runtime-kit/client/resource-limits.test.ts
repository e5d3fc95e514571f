/** Per-resource client-side rate limits: the limiter key of a path, and buckets that do not share tokens. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { ResourceLimits, resourceKey } from '../../../../runtime-kit/client/resource-limits.ts';

test('resourceKey: group/resource, subresources and namespaces with their resource', () => {
  const cases: [string, string][] = [
    ['/apis/apps/v1/namespaces/shop/deployments/web', 'apps/deployments'],
    ['/apis/apps/v1/namespaces/shop/deployments', 'apps/deployments'],
    ['/apis/apps/v1/deployments', 'apps/deployments'],
    ['/apis/demo.ork.dev/v1/namespaces/shop/webapps/a/status', 'demo.ork.dev/webapps'],
    ['/api/v1/namespaces/shop/configmaps/web', 'configmaps'],
    ['/api/v1/configmaps', 'configmaps'],
    ['/api/v1/namespaces', 'namespaces'],
    ['/api/v1/namespaces/shop', 'namespaces'],
    ['/api/v1/namespaces/shop/status', 'namespaces'],
    ['/api/v1/namespaces/shop/finalize', 'namespaces'],
    ['/apis/coordination.k8s.io/v1/namespaces/ork/leases/x', 'coordination.k8s.io/leases'],
    ['/version', ''],
    ['/apis', ''],
    ['/api/v1', ''],
    ['/apis/apps/v1', ''],
  ];
  for (const [path, key] of cases) assert.equal(resourceKey(path), key, path);
});

test('one resource is throttled as one bucket: burst free, then 1/qps apart', () => {
  const clock = new FakeClock();
  const limits = new ResourceLimits(2, 2, clock);
  const waits = [1, 2, 3, 4].map(() => limits.reserve('/apis/apps/v1/namespaces/shop/deployments/web'));
  assert.deepEqual(waits, [0, 0, 500, 1000]);
  // the status subresource and another object of the same resource share that bucket
  assert.equal(limits.reserve('/apis/apps/v1/namespaces/other/deployments/api/status'), 1500);
  clock.advance(1500); // paid back: the balance is 0, the next token comes 500 ms later
  assert.equal(limits.reserve('/apis/apps/v1/deployments'), 500);
});

test('two resources do not throttle each other', () => {
  const clock = new FakeClock();
  const limits = new ResourceLimits(2, 2, clock);
  for (let i = 0; i < 4; i++) limits.reserve('/apis/apps/v1/namespaces/shop/deployments/web');
  // deployments are now 1.5 s in debt; configmaps and the CRs' status have full buckets of their own
  assert.deepEqual([limits.reserve('/api/v1/namespaces/shop/configmaps/web'), limits.reserve('/api/v1/namespaces/shop/configmaps/web')], [0, 0]);
  assert.equal(limits.reserve('/apis/demo.ork.dev/v1/namespaces/shop/webapps/a/status'), 0);
  assert.equal(limits.reserve('/api/v1/namespaces/shop/configmaps/x'), 500, 'configmaps throttled on their own burst');
  assert.deepEqual(limits.keys().sort(), ['apps/deployments', 'configmaps', 'demo.ork.dev/webapps']);
});

test('qps 0 is unlimited and creates no bucket', () => {
  const limits = new ResourceLimits(0, 30, new FakeClock());
  for (let i = 0; i < 1000; i++) assert.equal(limits.reserve('/api/v1/namespaces/shop/configmaps/web'), 0);
  assert.deepEqual(limits.keys(), []);
});
