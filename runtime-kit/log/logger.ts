/**
 * Structured logging: one JSON object per line, `{"time","level","msg", ...fields}`, written to a
 * writable stream. Conventional field names: `crd`, `key` (`ns/name`), `reconcileId`, `err`.
 */
import type { Clock } from '../clock.ts';
import { realClock } from '../clock.ts';

/** Severity, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Extra fields merged into the line. `Error` values become their message. */
export type LogFields = Readonly<Record<string, unknown>>;

/** The logging interface every layer takes. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. `{crd}` or `{crd, key, reconcileId}`). */
  child(fields: LogFields): Logger;
}

/** Anything with `write(string)`: `process.stderr`, a file stream, a test sink. */
export interface LineSink {
  write(line: string): unknown;
}

export interface LoggerOptions {
  /** Where lines go. Default `process.stderr`. */
  readonly stream?: LineSink;
  /** Lines below this level are discarded. Default `info`, or env `ORK_LOG_LEVEL` when valid. */
  readonly level?: LogLevel;
  /** Time source for the `time` field (RFC 3339, UTC). Default the real clock. */
  readonly clock?: Clock;
  /** Fields on every line. */
  readonly fields?: LogFields;
}

/** True for the four level names. */
export function isLogLevel(s: unknown): s is LogLevel {
  return typeof s === 'string' && Object.hasOwn(RANK, s);
}

/** Creates a JSON-lines logger. */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const envLevel = process.env['ORK_LOG_LEVEL'];
  const level = opts.level ?? (isLogLevel(envLevel) ? envLevel : 'info');
  const sink: Sink = { stream: opts.stream ?? process.stderr, min: RANK[level], clock: opts.clock ?? realClock };
  return new JsonLogger(sink, opts.fields ?? {});
}

/** A logger that discards everything (a default for optional `logger` options). */
export const nullLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => nullLogger,
};

interface Sink {
  readonly stream: LineSink;
  readonly min: number;
  readonly clock: Clock;
}

class JsonLogger implements Logger {
  readonly #sink: Sink;
  readonly #fields: LogFields;

  constructor(sink: Sink, fields: LogFields) {
    this.#sink = sink;
    this.#fields = fields;
  }

  debug(msg: string, fields?: LogFields): void {
    this.#write('debug', msg, fields);
  }
  info(msg: string, fields?: LogFields): void {
    this.#write('info', msg, fields);
  }
  warn(msg: string, fields?: LogFields): void {
    this.#write('warn', msg, fields);
  }
  error(msg: string, fields?: LogFields): void {
    this.#write('error', msg, fields);
  }
  child(fields: LogFields): Logger {
    return new JsonLogger(this.#sink, { ...this.#fields, ...fields });
  }

  #write(level: LogLevel, msg: string, fields: LogFields | undefined): void {
    if (RANK[level] < this.#sink.min) return;
    const time = new Date(this.#sink.clock.now()).toISOString();
    const line = { time, level, msg, ...this.#fields, ...fields };
    this.#sink.stream.write(encodeLine(line) + '\n');
  }
}

/** JSON-encodes one line; errors → message, bigint → string, cycles → "[circular]". */
export function encodeLine(line: Readonly<Record<string, unknown>>): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(line, (_key, value: unknown) => {
    if (value instanceof Error) return value.message;
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return '[circular]';
      seen.add(value);
    }
    return value;
  });
}
