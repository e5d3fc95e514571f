/**
 * The API-server agent against a real local TLS server with certificates made by openssl (as
 * the control-plane scripts make theirs): the CA verifies the server, the client certificate
 * reaches it, a wrong CA or host name is refused, `insecure-skip-tls-verify` and `tls-server-name`
 * do what kubeconfig says, and every connection shares the agent's one secure context.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type tls from 'node:tls';
import { apiServerAgent } from '../../../../runtime-kit/client/tls-agent.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ork-tls-agent-'));
const file = (name: string): Buffer => fs.readFileSync(path.join(dir, name));
const openssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
let server: https.Server;
let url: string;

/** A CA-signed certificate `<name>.crt`/`.key` with `subject` and optional extensions. */
function issue(name: string, subject: string, ca: string, ext?: string): void {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', ...ec, '-subj', subject, '-keyout', `${name}.key`, '-out', `${name}.csr`);
  if (ext) fs.writeFileSync(path.join(dir, `${name}.ext`), ext);
  openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '1', ...(ext ? ['-extfile', `${name}.ext`] : []), '-out', `${name}.crt`);
}

before(async () => {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-days', '1', '-subj', '/CN=test-ca', '-keyout', 'ca.key', '-out', 'ca.crt');
  openssl('req', '-x509', ...ec, '-days', '1', '-subj', '/CN=other-ca', '-keyout', 'other.key', '-out', 'other.crt');
  issue('server', '/CN=kube-apiserver', 'ca', 'subjectAltName=DNS:kube.internal\n');
  issue('client', '/O=system:masters/CN=ork-admin', 'ca');
  server = https.createServer({ cert: file('server.crt'), key: file('server.key'), ca: file('ca.crt'), requestCert: true, rejectUnauthorized: false }, (req, res) => {
    const peer = (req.socket as tls.TLSSocket).getPeerCertificate();
    res.end(JSON.stringify({ client: peer.subject?.CN ?? null }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** GETs `url` through `agent` (optionally as `servername`); the body's client CN, or the error. */
function get(agent: https.Agent): Promise<{ client: string | null } | Error> {
  return new Promise((resolve) => {
    const req = https.get(url, { agent }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(JSON.parse(body) as { client: string | null }));
    });
    req.on('error', resolve);
  });
}

test('the CA verifies the server (by tls-server-name) and the client certificate reaches it', async () => {
  const agent = apiServerAgent({ ca: file('ca.crt'), cert: file('client.crt'), key: file('client.key'), serverName: 'kube.internal' });
  assert.deepEqual(await get(agent), { client: 'ork-admin' });
  agent.destroy();
});

test('a server certificate not signed by the given CA, or for another name, is refused', async () => {
  const wrongCa = apiServerAgent({ ca: file('other.crt'), serverName: 'kube.internal' });
  const e1 = await get(wrongCa);
  assert.ok(e1 instanceof Error && /certificate/i.test(e1.message), String(e1));
  wrongCa.destroy();
  const wrongName = apiServerAgent({ ca: file('ca.crt') }); // the server's name is kube.internal, not 127.0.0.1
  const e2 = await get(wrongName);
  assert.ok(e2 instanceof Error && /altnames|IP: 127\.0\.0\.1/i.test(e2.message), String(e2));
  wrongName.destroy();
});

test('insecure-skip-tls-verify accepts an unknown server; without a client certificate none is sent', async () => {
  const agent = apiServerAgent({ insecureSkipVerify: true });
  assert.deepEqual(await get(agent), { client: null });
  agent.destroy();
});

test('every connection of the agent uses its one secure context', async () => {
  const agent = apiServerAgent({ ca: file('ca.crt'), serverName: 'kube.internal' });
  const contexts = new Set<unknown>();
  let connections = 0;
  const make = agent.createConnection.bind(agent);
  agent.createConnection = ((options: tls.ConnectionOptions, cb?: () => void) => {
    connections++;
    contexts.add(options.secureContext);
    return make(options, cb);
  }) as typeof agent.createConnection;
  // three requests at once: three sockets
  const results = await Promise.all([get(agent), get(agent), get(agent)]);
  for (const r of results) assert.deepEqual(r, { client: null });
  assert.equal(connections, 3);
  assert.equal(contexts.size, 1);
  assert.ok([...contexts][0], 'a secure context was passed to each connection');
  agent.destroy();
});
