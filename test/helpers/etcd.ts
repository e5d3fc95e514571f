/** Direct access to the test plane's etcd for fault tests (its v3 HTTP/JSON gateway). */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { testPlane } from './control-plane.ts';

/** Compacts etcd at its current revision (physically); returns that revision. */
export async function compactEtcd(): Promise<string> {
  const env = fs.readFileSync(path.join(testPlane().dir, 'env'), 'utf8');
  const port = /^ETCD_PORT=(\d+)$/m.exec(env)?.[1];
  assert.ok(port, 'ETCD_PORT in the plane env file');
  const post = async (p: string, body: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}${p}`, { method: 'POST', body: JSON.stringify(body) });
    assert.equal(res.status, 200, `${p}: ${res.status}`);
    return (await res.json()) as { header: { revision: string } };
  };
  const { header } = await post('/v3/kv/range', { key: Buffer.from('/').toString('base64') });
  await post('/v3/kv/compaction', { revision: header.revision, physical: true });
  return header.revision;
}
