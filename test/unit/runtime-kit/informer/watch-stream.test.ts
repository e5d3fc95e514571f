import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { staticConnection } from '../../../../runtime-kit/client/connection.ts';
import { GoneError, ServerError, TransportError } from '../../../../runtime-kit/client/errors.ts';
import { KubeClient } from '../../../../runtime-kit/client/rest.ts';
import type { WatchEvent } from '../../../../runtime-kit/client/watch-stream.ts';
import { decodeEvent, watchEvents } from '../../../../runtime-kit/client/watch-stream.ts';
import { kubeListerWatcher } from '../../../../runtime-kit/informer/list-watch.ts';
import { FakeClock } from '../../../../runtime-kit/clock.ts';
import { Informer } from '../../../../runtime-kit/informer/informer.ts';
import { InstantClock } from '../client/fake-api.ts';
import { until } from '../helpers.ts';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function withServer(handler: Handler, fn: (client: KubeClient, urls: string[]) => Promise<void>): Promise<void> {
  const urls: string[] = [];
  const server = http.createServer((req, res) => {
    urls.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const client = new KubeClient({ connection: staticConnection(`http://127.0.0.1:${(server.address() as AddressInfo).port}`), clock: new InstantClock(), qps: 0 });
  try {
    await fn(client, urls);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

const cms = { group: '', version: 'v1', plural: 'configmaps', namespace: 'ns' };
const line = (o: unknown) => JSON.stringify(o) + '\n';

async function collect<T>(it: AsyncIterable<WatchEvent<T>>): Promise<Array<WatchEvent<T>>> {
  const out: Array<WatchEvent<T>> = [];
  for await (const ev of it) out.push(ev);
  return out;
}

describe('watchEvents over HTTP', () => {
  it('sends watch=1, resourceVersion, bookmarks and timeoutSeconds, and decodes lines split across chunks', async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const text = line({ type: 'ADDED', object: { metadata: { name: 'a', resourceVersion: '5' } } }) + line({ type: 'BOOKMARK', object: { metadata: { resourceVersion: '9' } } });
        res.write(text.slice(0, 17));
        setTimeout(() => res.end(text.slice(17)), 20);
      },
      async (client, urls) => {
        const evs = await collect(watchEvents<{ metadata: { name?: string; resourceVersion: string } }>(client, cms, { resourceVersion: '4', timeoutSeconds: 300, labelSelector: 'app=x' }));
        assert.deepEqual(evs.map((e) => [e.type, e.object.metadata.resourceVersion]), [['ADDED', '5'], ['BOOKMARK', '9']]);
        assert.equal(urls[0], '/api/v1/namespaces/ns/configmaps?allowWatchBookmarks=true&labelSelector=app%3Dx&resourceVersion=4&timeoutSeconds=300&watch=1');
      },
    );
  });

  it('an ERROR event with code 410 throws GoneError, like an HTTP 410 answer', async () => {
    const expired = { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'too old resource version: 1 (5)', reason: 'Expired', code: 410 };
    await withServer(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(line({ type: 'ERROR', object: expired }));
      },
      async (client) => {
        await assert.rejects(collect(watchEvents(client, cms, { resourceVersion: '1' })), (e: unknown) => e instanceof GoneError && e.reason === 'Expired');
      },
    );
    await withServer(
      (_req, res) => {
        res.writeHead(410, { 'content-type': 'application/json' });
        res.end(JSON.stringify(expired));
      },
      async (client) => {
        await assert.rejects(collect(watchEvents(client, cms, { resourceVersion: '1' })), GoneError);
      },
    );
  });

  it('a connection cut mid-stream throws TransportError; an abort by the caller ends quietly', async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(line({ type: 'ADDED', object: { metadata: { name: 'a' } } }));
        setTimeout(() => res.destroy(), 20);
      },
      async (client) => {
        const got: string[] = [];
        await assert.rejects(
          (async () => {
            for await (const ev of watchEvents(client, cms, { resourceVersion: '1' })) got.push(ev.type);
          })(),
          TransportError,
        );
        assert.deepEqual(got, ['ADDED']);
      },
    );
    await withServer(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(line({ type: 'ADDED', object: { metadata: { name: 'a' } } }));
      },
      async (client) => {
        const ac = new AbortController();
        const got: string[] = [];
        for await (const ev of watchEvents(client, cms, { resourceVersion: '1' }, ac.signal)) {
          got.push(ev.type);
          ac.abort();
        }
        assert.deepEqual(got, ['ADDED']);
      },
    );
  });

  it('decodeEvent: other ERROR codes map to their typed error; unknown types are skipped; garbage is a TransportError', () => {
    assert.throws(() => decodeEvent(line({ type: 'ERROR', object: { code: 500, message: 'internal' } })), ServerError);
    assert.equal(decodeEvent(line({ type: 'SOMETHING', object: {} })), undefined);
    assert.throws(() => decodeEvent('{not json'), TransportError);
  });
});

describe('kubeListerWatcher', () => {
  it('lists with limit/continue and selectors, and fills in apiVersion/kind on items', async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ kind: 'ConfigMapList', apiVersion: 'v1', metadata: { resourceVersion: '42', continue: 'tok' }, items: [{ metadata: { name: 'a' } }] }));
      },
      async (client, urls) => {
        const lw = kubeListerWatcher(client, { ref: { ...cms, name: 'ignored' }, labelSelector: 'app=x', fieldSelector: 'metadata.name=a' });
        const page = await lw.list({ limit: 500, continue: 'prev' });
        assert.deepEqual(page, { items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }], resourceVersion: '42', continue: 'tok' });
        assert.equal(urls[0], '/api/v1/namespaces/ns/configmaps?continue=prev&fieldSelector=metadata.name%3Da&labelSelector=app%3Dx&limit=500');
      },
    );
  });
});

describe('Informer over HTTP', () => {
  it('an HTTP 410 answer and an ERROR event with code 410 both make the informer relist', async () => {
    const expired = { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'too old resource version', reason: 'Expired', code: 410 };
    const hung: http.ServerResponse[] = [];
    let watches = 0;
    let lists = 0;
    await withServer(
      (req, res) => {
        if (!(req.url ?? '').includes('watch=1')) {
          lists++;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ kind: 'ConfigMapList', apiVersion: 'v1', metadata: { resourceVersion: String(10 * lists) }, items: [{ metadata: { name: `gen${lists}`, namespace: 'ns', resourceVersion: String(10 * lists) } }] }));
          return;
        }
        watches++;
        if (watches === 1) {
          res.writeHead(410, { 'content-type': 'application/json' });
          res.end(JSON.stringify(expired));
        } else if (watches === 2) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(line({ type: 'ERROR', object: expired }));
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('');
          hung.push(res);
        }
      },
      async (client, urls) => {
        const clock = new FakeClock();
        const inf = new Informer({ client, selection: { ref: cms } }, { resyncMs: 0, clock, random: () => 0.5 });
        const deleted: string[] = [];
        inf.addEventHandler({ onDelete: (o, unknown) => deleted.push(`${o.metadata.name}:${unknown}`) });
        inf.start();
        await until(() => inf.stats.relistsAfterGone === 1 && lists === 2);
        await until(() => inf.stats.relistsAfterGone === 2 && inf.stats.backoffs.length === 1, 20_000);
        clock.advance(inf.stats.backoffs[0] ?? 0); // the second 410 came quickly: relist after a backoff
        await until(() => lists === 3 && watches === 3, 20_000);
        assert.deepEqual(deleted, ['gen1:true', 'gen2:true']);
        assert.deepEqual(inf.cache.keys(), ['ns/gen3']);
        assert.match(urls.filter((u) => u.includes('watch=1'))[2] ?? '', /resourceVersion=30&/);
        hung.forEach((h) => h.destroy());
        await inf.stop();
      },
    );
  });
});
