/**
 * A TCP forwarder between a client under test and the API server, for fault tests: TLS passes
 * through untouched (the client still verifies the server's certificate), and the test can cut
 * every open connection and refuse new ones for a while (`pause`), or only cut the open ones
 * (`cut`: a broken watch the client must re-establish).
 * Every connection attempt is time-stamped, so a test can show how often a client retried.
 */
import net from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parse, stringify } from 'yaml';

/** A pausable TCP forwarder to `target` (host and port of an https URL). */
export class TcpProxy {
  readonly #server: net.Server;
  readonly #sockets = new Set<net.Socket>();
  /** While true, new connections are closed at once and counted as refused. */
  paused = false;
  /** Connections closed at once because the proxy was paused. */
  refused = 0;
  /** Connections forwarded. */
  accepted = 0;
  /** Epoch ms of every connection attempt (accepted or refused). */
  readonly attempts: number[] = [];

  constructor(target: URL) {
    this.#server = net.createServer((down) => {
      this.attempts.push(Date.now());
      if (this.paused) {
        this.refused++;
        down.destroy();
        return;
      }
      this.accepted++;
      const up = net.connect(Number(target.port), target.hostname);
      for (const s of [down, up]) {
        this.#sockets.add(s);
        s.on('error', () => {
          down.destroy();
          up.destroy();
        });
        s.on('close', () => {
          this.#sockets.delete(s);
          down.destroy();
          up.destroy();
        });
      }
      down.pipe(up);
      up.pipe(down);
    });
  }

  /** Listens on a free port of 127.0.0.1; returns it. */
  async listen(): Promise<number> {
    await new Promise<void>((r) => this.#server.listen(0, '127.0.0.1', r));
    return (this.#server.address() as AddressInfo).port;
  }

  /** The port it listens on. */
  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** Open forwarded connections (each direction counts once). */
  get open(): number {
    return this.#sockets.size / 2;
  }

  /** Cuts every open connection (watches break; the client must reconnect) without refusing new ones. */
  cut(): void {
    for (const s of this.#sockets) s.destroy();
  }

  /** Cuts every open connection and refuses new ones until `resume()`. */
  pause(): void {
    this.paused = true;
    this.cut();
  }

  /** Forwards new connections again. */
  resume(): void {
    this.paused = false;
  }

  /** Connection attempts in [from, to) epoch ms. */
  attemptsBetween(from: number, to: number): number {
    return this.attempts.filter((t) => t >= from && t < to).length;
  }

  /** Stops listening and cuts everything. */
  close(): Promise<void> {
    this.pause();
    return new Promise((r) => this.#server.close(() => r()));
  }
}

/** Starts a TcpProxy to the server of `kubeconfig` and writes `<dir>/<name>` pointing at it (same credentials and CA). */
export async function proxiedKubeconfig(kubeconfig: string, dir: string, name = 'proxied.kubeconfig'): Promise<{ proxy: TcpProxy; kubeconfig: string }> {
  const config = parse(readFileSync(kubeconfig, 'utf8')) as { clusters: Array<{ cluster: { server: string } }> };
  const cluster = config.clusters[0];
  if (!cluster) throw new Error(`${kubeconfig} has no cluster entry`);
  const proxy = new TcpProxy(new URL(cluster.cluster.server));
  const port = await proxy.listen();
  cluster.cluster.server = `https://127.0.0.1:${port}`;
  const file = path.join(dir, name);
  writeFileSync(file, stringify(config), { mode: 0o600 });
  return { proxy, kubeconfig: file };
}
