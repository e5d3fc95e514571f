import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { route } from '../../../../runtime-kit/server/routes.ts';
import { fakeCrd, fakeView } from './fake-view.ts';

const clock = new FakeClock();
const hidden = fakeCrd(clock, 'hidden', { endpoints: { enabled: false } });
const nohealth = fakeCrd(clock, 'nohealth', { endpoints: { health: false } });
const noinfo = fakeCrd(clock, 'noinfo', { endpoints: { info: false } });
const view = fakeView([hidden, nohealth, noinfo]);
const status = async (path: string): Promise<number> => (await route(view, 'GET', path, clock.now())).status;

test('endpoints.enabled: false hides every per-CRD route', async () => {
  for (const p of ['/katalog/hidden', '/katalog/hidden/health', '/katalog/hidden/cr', '/katalog/hidden/cr/ns/x']) assert.equal(await status(p), 404, p);
});

test('endpoints.health / endpoints.info hide only their route', async () => {
  assert.equal(await status('/katalog/nohealth/health'), 404);
  assert.equal(await status('/katalog/nohealth'), 200);
  assert.equal(await status('/katalog/noinfo'), 404);
  assert.equal(await status('/katalog/noinfo/health'), 503, 'not started, but served');
  assert.equal(await status('/katalog/noinfo/cr'), 200);
});

test('/katalog lists hidden endpoints as empty paths', async () => {
  const body = JSON.parse((await route(view, 'GET', '/katalog', clock.now())).body) as { crds: Array<{ name: string; endpoints: unknown }> };
  assert.deepEqual(
    body.crds.map((c) => [c.name, c.endpoints]),
    [
      ['hidden', { health: '', info: '' }],
      ['nohealth', { health: '', info: '/katalog/nohealth' }],
      ['noinfo', { health: '/katalog/noinfo/health', info: '' }],
    ],
  );
});

test('route() answers 405 before looking at the CRD, and never echoes the path', async () => {
  const r = await route(view, 'DELETE', '/katalog/hidden', clock.now());
  assert.equal(r.status, 405);
  const nf = await route(view, 'GET', '/katalog/zz-unknown-zz', clock.now());
  assert.doesNotMatch(nf.body, /zz-unknown-zz/);
});
