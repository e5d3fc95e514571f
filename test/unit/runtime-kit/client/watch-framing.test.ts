/** Framing edge cases of `watchEvents` (the informer's tests cover the event flow). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { TransportError } from '../../../../runtime-kit/client/errors.ts';
import type { KubeClient, Query } from '../../../../runtime-kit/client/rest.ts';
import { encodeQuery } from '../../../../runtime-kit/client/rest.ts';
import { MAX_WATCH_LINE_BYTES, watchEvents } from '../../../../runtime-kit/client/watch-stream.ts';

/**
 * A client whose `stream()` yields exactly the given chunks (no network, so chunk boundaries are
 * the test's, not TCP's), recording the path and query it was asked for.
 */
async function serveChunks(parts: Buffer[], fn: (client: KubeClient, url: () => string) => Promise<void>): Promise<void> {
  let url = '';
  const client = {
    stream: async (path: string, query: Query) => {
      url = path + encodeQuery(query);
      return Readable.from(parts);
    },
  } as unknown as KubeClient;
  await fn(client, () => url);
}

const cms = { group: '', version: 'v1', plural: 'configmaps', namespace: 'x' };

test('a multi-byte character split across chunks is decoded intact', async () => {
  const line = Buffer.from('{"type":"ADDED","object":{"metadata":{"name":"a"},"data":{"v":"€ ü 日本"}}}\n');
  const cut = line.indexOf(Buffer.from('€')) + 1; // inside the euro sign's three bytes
  await serveChunks([line.subarray(0, cut), line.subarray(cut)], async (client, url) => {
    const got: unknown[] = [];
    for await (const e of watchEvents<{ data: { v: string } }>(client, cms, { resourceVersion: '42', labelSelector: 'app=web' })) got.push(e.object.data.v);
    assert.deepEqual(got, ['€ ü 日本']);
    assert.equal(url(), '/api/v1/namespaces/x/configmaps?allowWatchBookmarks=true&labelSelector=app%3Dweb&resourceVersion=42&watch=1');
  });
});

test('an event line over the bound breaks the watch with a TransportError', async () => {
  const big = Buffer.alloc(MAX_WATCH_LINE_BYTES + 1024, 'x');
  await serveChunks([big], async (client) => {
    await assert.rejects(
      (async () => {
        for await (const _ of watchEvents(client, cms, { resourceVersion: '1' })) void _;
      })(),
      (e: unknown) => e instanceof TransportError && /longer than/.test(e.message),
    );
  });
});
