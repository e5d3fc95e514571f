/** Small helpers for runtime-kit unit tests. */
import type { LineSink } from '../../../runtime-kit/log/logger.ts';

/** Lets pending promise callbacks and I/O callbacks run (one macrotask turn). */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Turns the event loop until `cond()` holds (waits for I/O, not for time); fails after `turns`. */
export async function until(cond: () => boolean, turns = 5000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (cond()) return;
    await tick();
  }
  throw new Error('condition not reached');
}

/** A deferred promise a test resolves or rejects by hand. */
export interface Deferred<V> {
  readonly promise: Promise<V>;
  resolve(v: V): void;
  reject(e: unknown): void;
}

export function deferred<V = void>(): Deferred<V> {
  let resolve!: (v: V) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<V>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A log sink collecting parsed JSON lines. */
export class LineCollector implements LineSink {
  readonly lines: Array<Record<string, unknown>> = [];
  write(line: string): boolean {
    for (const l of line.split('\n')) if (l !== '') this.lines.push(JSON.parse(l) as Record<string, unknown>);
    return true;
  }
  withMsg(re: RegExp): Array<Record<string, unknown>> {
    return this.lines.filter((l) => re.test(String(l['msg'])));
  }
}
