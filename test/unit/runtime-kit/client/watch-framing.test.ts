import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { staticConnection } from '../../../../runtime-kit/client/connection.ts';
import { GoneError } from '../../../../runtime-kit/client/errors.ts';
import { KubeClient } from '../../../../runtime-kit/client/rest.ts';
import type { WatchEvent } from '../../../../runtime-kit/client/watch.ts';
import { decodeWatch, lines, watch } from '../../../../runtime-kit/client/watch.ts';
import { InstantClock } from './fake-api.ts';

const chunks = (...parts: Array<string | Buffer>): Readable => Readable.from(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('splits lines across chunk boundaries, including inside a multi-byte character', async () => {
  const euro = Buffer.from('{"v":"€"}\n');
  const got = await collect(lines(chunks('{"a":', '1}\n\n{"b"', ':2}\n', euro.subarray(0, 7), euro.subarray(7), '{"c":3}')));
  assert.deepEqual(got, ['{"a":1}', '{"b":2}', '{"v":"€"}', '{"c":3}']);
});

test('decodes events, keeps bookmarks and ignores unknown types', async () => {
  const events = await collect(
    decodeWatch<{ metadata: { name?: string; resourceVersion: string } }>(
      chunks(
        '{"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"5"}}}\n',
        '{"type":"WEIRD","object":{}}\n',
        '{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"9"}}}\n',
        '{"type":"DELETED","object":{"metadata":{"name":"a","resourceVersion":"10"}}}\n',
      ),
    ),
  );
  assert.deepEqual(events.map((e) => [e.type, e.object.metadata.resourceVersion]), [['ADDED', '5'], ['BOOKMARK', '9'], ['DELETED', '10']]);
});

test('an ERROR event with a 410 Status throws GoneError (relist)', async () => {
  const seen: WatchEvent<unknown>[] = [];
  await assert.rejects(
    (async () => {
      for await (const e of decodeWatch(chunks('{"type":"ADDED","object":{}}\n', '{"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired","message":"too old resource version: 1 (500)"}}\n'))) seen.push(e);
    })(),
    (e: unknown) => e instanceof GoneError && e.reason === 'Expired',
  );
  assert.equal(seen.length, 1);
});

test('a line over the bound aborts the watch', async () => {
  await assert.rejects(collect(lines(chunks('x'.repeat(100)), 50)), /larger than 50 bytes/);
});

test('watch opens ?watch=1 with bookmarks and the resourceVersion, and streams events', async () => {
  let url = '';
  const server = http.createServer((req, res) => {
    url = req.url ?? '';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"type":"ADDED","object":{"metadata":{"name":"a"}}}\n');
    res.end('{"type":"MODIFIED","object":{"metadata":{"name":"a"}}}\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const client = new KubeClient({ connection: staticConnection(`http://127.0.0.1:${(server.address() as AddressInfo).port}`), clock: new InstantClock() });
    const events = await collect(watch(client, '/api/v1/namespaces/x/configmaps', { resourceVersion: '42', labelSelector: 'app=web' }));
    assert.deepEqual(events.map((e) => e.type), ['ADDED', 'MODIFIED']);
    assert.equal(url, '/api/v1/namespaces/x/configmaps?allowWatchBookmarks=true&labelSelector=app%3Dweb&resourceVersion=42&watch=1');
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
