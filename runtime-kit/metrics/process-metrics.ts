/**
 * The process and Node.js series every Prometheus client exposes by convention, read from the
 * process at scrape time: CPU seconds, start time, resident memory, open file descriptors, V8 heap
 * and external memory, event-loop lag and the Node version. Names and meanings follow prom-client's
 * default metrics; the heap-space, GC, handle and event-loop-histogram series are left out (they
 * load `node:v8` and `perf_hooks` observers, memory an idle operator does not need to spend).
 */
import fs from 'node:fs';
import { Counter, Gauge, type Registry } from './exposition.ts';

/** Registers the process/Node series on `registry`. */
export function registerProcessMetrics(registry: Registry): void {
  const registers = [registry];
  const startSeconds = Math.round(Date.now() / 1000 - process.uptime());
  const cpu = {
    user: new Counter({ name: 'process_cpu_user_seconds_total', help: 'Total user CPU time spent in seconds.', registers }),
    system: new Counter({ name: 'process_cpu_system_seconds_total', help: 'Total system CPU time spent in seconds.', registers }),
    total: new Counter({
      name: 'process_cpu_seconds_total',
      help: 'Total user and system CPU time spent in seconds.',
      registers,
      collect: () => {
        const u = process.cpuUsage();
        cpu.user.setTotal(undefined, u.user / 1e6);
        cpu.system.setTotal(undefined, u.system / 1e6);
        cpu.total.setTotal(undefined, (u.user + u.system) / 1e6);
      },
    }),
  };
  new Gauge({ name: 'process_start_time_seconds', help: 'Start time of the process since unix epoch in seconds.', registers }).set(startSeconds);
  const mem = {
    rss: new Gauge({ name: 'process_resident_memory_bytes', help: 'Resident memory size in bytes.', registers }),
    heapTotal: new Gauge({ name: 'nodejs_heap_size_total_bytes', help: 'Process heap size from Node.js in bytes.', registers }),
    heapUsed: new Gauge({ name: 'nodejs_heap_size_used_bytes', help: 'Process heap size used from Node.js in bytes.', registers }),
    external: new Gauge({
      name: 'nodejs_external_memory_bytes',
      help: 'Node.js external memory size in bytes.',
      registers,
      collect: () => {
        const m = process.memoryUsage();
        mem.rss.set(m.rss);
        mem.heapTotal.set(m.heapTotal);
        mem.heapUsed.set(m.heapUsed);
        mem.external.set(m.external);
      },
    }),
  };
  const fds = new Gauge({
    name: 'process_open_fds',
    help: 'Number of open file descriptors.',
    registers,
    collect: () => {
      try {
        fds.set(fs.readdirSync('/proc/self/fd').length);
      } catch {
        fds.set(NaN); // not Linux: unknown
      }
    },
  });
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
