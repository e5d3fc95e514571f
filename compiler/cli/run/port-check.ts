/**
 * The operator's HTTP port for `ork run` / `ork up`: `--port`, else `ORK_PORT`, else 8080 — and a
 * check, before anything is built, that nothing listens on it yet, so a second developer-mode
 * operator on one machine gets a clear error instead of a child dying of EADDRINUSE.
 */
import net from 'node:net';
import type { Command } from 'commander';
import { CliError, EXIT_INVALID, EXIT_USAGE } from '../exit.ts';
import { DEFAULT_PORT } from '../../../runtime-kit/server/http.ts';

/** Adds `--port` to a developer-loop command (`ork run`, `ork up`). */
export function withPortOption(cmd: Command): Command {
  return cmd.option('--port <port>', `the operator's HTTP port (default ${DEFAULT_PORT}, or ORK_PORT; 0: any free port)`);
}

/** The port from `--port` / ORK_PORT (undefined: the operator's default), checked to be free. */
export async function freeDevPort(flag: string | undefined): Promise<number | undefined> {
  const port = parsePort(flag);
  await assertPortFree(port ?? DEFAULT_PORT);
  return port;
}

/** Parses `--port` (or ORK_PORT when the flag is absent); undefined when neither is set. */
export function parsePort(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = flag ?? env['ORK_PORT'];
  if (raw === undefined || raw === '') return undefined;
  const port = /^\d{1,5}$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new CliError(`\`${raw}\` is not a port (${flag !== undefined ? '--port' : 'ORK_PORT'})`, EXIT_USAGE, 'use an integer from 0 to 65535 (0: any free port)');
  return port;
}

/** Resolves when `port` (all interfaces, as the operator listens) is free; CliError when it is taken. */
export async function assertPortFree(port: number): Promise<void> {
  if (port === 0) return;
  const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    const server = net.createServer();
    server.once('error', (e: NodeJS.ErrnoException) => resolve(e));
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
  if (error === undefined) return;
  if (error.code === 'EADDRINUSE') {
    throw new CliError(`port ${port} is already in use (another \`ork run\` or \`ork up\`?)`, EXIT_INVALID, `give this operator another port: --port ${port === 65535 ? port - 1 : port + 1} (or ORK_PORT)`);
  }
  throw new CliError(`cannot listen on port ${port}: ${error.message}`, EXIT_INVALID, 'choose another port with --port (or ORK_PORT)');
}
