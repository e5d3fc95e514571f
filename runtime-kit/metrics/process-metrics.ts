/**
 * The process and Node.js series every Prometheus client exposes by convention, read from the
 * process at scrape time: CPU seconds, start time, resident memory, open file descriptors, V8 heap
 * and external memory, event-loop lag and the Node version. Names and meanings follow prom-client's
 * default metrics; the heap-space, GC, handle and event-loop-histogram series are left out (they
 * load `node:v8` and `perf_hooks` observers, memory an idle operator does not need to spend).
 */
import fs from 'node:fs';
import { Counter, Gauge, type Registry } from './exposition.ts';

/** A series read from the process at scrape time: type, name, help, reader. */
type ProcessSeries = readonly [type: 'counter' | 'gauge', name: string, help: string, read: () => number];

const START_SECONDS = Math.round(Date.now() / 1000 - process.uptime());

const SERIES: readonly ProcessSeries[] = [
  ['counter', 'process_cpu_user_seconds_total', 'Total user CPU time spent in seconds.', () => process.cpuUsage().user / 1e6],
  ['counter', 'process_cpu_system_seconds_total', 'Total system CPU time spent in seconds.', () => process.cpuUsage().system / 1e6],
  ['counter', 'process_cpu_seconds_total', 'Total user and system CPU time spent in seconds.', () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }],
  ['gauge', 'process_start_time_seconds', 'Start time of the process since unix epoch in seconds.', () => START_SECONDS],
  ['gauge', 'process_resident_memory_bytes', 'Resident memory size in bytes.', () => process.memoryUsage.rss()],
  ['gauge', 'process_open_fds', 'Number of open file descriptors.', openFds],
  ['gauge', 'nodejs_heap_size_total_bytes', 'Process heap size from Node.js in bytes.', () => process.memoryUsage().heapTotal],
  ['gauge', 'nodejs_heap_size_used_bytes', 'Process heap size used from Node.js in bytes.', () => process.memoryUsage().heapUsed],
  ['gauge', 'nodejs_external_memory_bytes', 'Node.js external memory size in bytes.', () => process.memoryUsage().external],
];

/** Open file descriptors (Linux `/proc/self/fd`); NaN where that is not readable. */
function openFds(): number {
  try {
    return fs.readdirSync('/proc/self/fd').length;
  } catch {
    return NaN;
  }
}

/** Registers the process/Node series on `registry`. */
export function registerProcessMetrics(registry: Registry): void {
  const registers = [registry];
  for (const [type, name, help, read] of SERIES) {
    if (type === 'counter') {
      const c: Counter = new Counter({ name, help, registers, collect: () => c.setTotal(undefined, read()) });
    } else {
      const g: Gauge = new Gauge({ name, help, registers, collect: () => g.set(read()) });
    }
  }
  const lag = new Gauge({
    name: 'nodejs_eventloop_lag_seconds',
    help: 'Lag of event loop in seconds.',
    registers,
    collect: () =>
      new Promise<void>((resolve) => {
        const t0 = process.hrtime.bigint();
        setImmediate(() => {
          lag.set(Number(process.hrtime.bigint() - t0) / 1e9);
          resolve();
        });
      }),
  });
  const [major = '', minor = '', patch = ''] = process.versions.node.split('.');
  new Gauge({ name: 'nodejs_version_info', help: 'Node.js version info.', labelNames: ['version', 'major', 'minor', 'patch'], registers }).set({ version: process.version, major, minor, patch }, 1);
}
