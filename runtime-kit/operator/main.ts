/**
 * The operator's command line, what a generated `main.ts` calls: `version` / `--version` print the
 * version; otherwise run until a signal. Flags: `--kubeconfig`, `--port` (else ORK_PORT, default
 * 8080), `--kube-api-qps` / `--kube-api-burst` (else ORK_KUBE_API_QPS / ORK_KUBE_API_BURST; default
 * 20 / 30 per resource, as controller-runtime's flags of the same names). A failure to start (no cluster connection, the port taken,
 * a bad flag) is one JSON error line with what to do and exit code 2, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { createLogger } from '../log/logger.ts';
import { runOperator } from './run.ts';
import type { OperatorSpec } from './spec.ts';

/** Exit code of an operator that could not start (as `ork`'s for bad input). */
export const EXIT_CANNOT_START = 2;

/** Parses argv, prints the version for `version`/`--version`, else runs until a signal. */
export async function main(spec: OperatorSpec, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const log = createLogger({ fields: { operator: `${spec.name}-operator` } });
  try {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { kubeconfig: { type: 'string' }, port: { type: 'string' }, 'kube-api-qps': { type: 'string' }, 'kube-api-burst': { type: 'string' }, version: { type: 'boolean' } } });
    if (values.version || positionals[0] === 'version') {
      process.stdout.write(`${spec.name}-operator ${spec.version}\n`);
      return;
    }
    const port = values.port === undefined ? undefined : parsePort(values.port);
    const apiQps = rate('--kube-api-qps', values['kube-api-qps'] ?? process.env['ORK_KUBE_API_QPS']);
    const apiBurst = rate('--kube-api-burst', values['kube-api-burst'] ?? process.env['ORK_KUBE_API_BURST']);
    await runOperator(spec, {
      log,
      ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(apiQps !== undefined ? { apiQps } : {}),
      ...(apiBurst !== undefined ? { apiBurst } : {}),
    });
  } catch (err) {
    log.error(`cannot run: ${describeFailure(err)}`, {});
    process.exitCode = EXIT_CANNOT_START;
  }
}

/** A TCP port from `--port`, or an error saying what is wrong. */
function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${JSON.stringify(text)} is not a port number (0–65535)`);
  return port;
}

/** A non-negative request rate or burst (0 = unlimited), or an error naming the flag. */
function rate(flag: string, text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} (or its ORK_ variable) ${JSON.stringify(text)} is not a non-negative number`);
  return n;
}

/** One line for a failure, with a hint for the failures people meet. */
export function describeFailure(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { port?: number };
  const port = e?.port !== undefined ? `port ${e.port}` : 'the port';
  if (e?.code === 'EADDRINUSE') return `${port} is already in use; pass another with --port or ORK_PORT`;
  if (e?.code === 'EACCES') return `not allowed to listen on ${port}; use a port above 1023 (--port or ORK_PORT)`;
  return err instanceof Error ? err.message : String(err);
}
