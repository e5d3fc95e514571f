/**
 * Kubernetes Events about CRs (core/v1), written fire-and-forget: a failure to record an Event
 * is logged, never fails a reconcile. The same reason and message for the same object are
 * recorded once per 10 minutes, so a flapping CR cannot flood the API server.
 */
import type { KubeClient } from '../client/rest.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log/logger.ts';
import type { EventSink, KubeObjectLike } from '../reconcile/index.ts';

const DEDUPE_MS = 10 * 60_000;

/** An EventSink writing core/v1 Events as `component`. */
export function apiEventSink(client: KubeClient, component: string, clock: Clock, log: Logger): EventSink {
  const last = new Map<string, number>();
  let seq = 0;
  return {
    emit(about: KubeObjectLike, type, reason, message) {
      const ns = about.metadata.namespace ?? 'default';
      const key = `${about.metadata.uid ?? about.metadata.name}|${type}|${reason}|${message}`;
      const now = clock.now();
      if ((last.get(key) ?? -Infinity) > now - DEDUPE_MS) return;
      last.set(key, now);
      if (last.size > 10_000) last.clear();
      const time = new Date(now).toISOString();
      const event = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${about.metadata.name}.${now.toString(16)}${(seq++).toString(16)}`, namespace: ns },
        involvedObject: { apiVersion: about.apiVersion, kind: about.kind, name: about.metadata.name, namespace: about.metadata.namespace, uid: about.metadata.uid },
        reason,
        message: message.slice(0, 1024),
        type,
        source: { component },
        reportingComponent: component,
        reportingInstance: component,
        firstTimestamp: time,
        lastTimestamp: time,
        count: 1,
      };
      client.create({ group: '', version: 'v1', plural: 'events', namespace: ns }, event).catch((err: unknown) => {
        log.warn('event not recorded', { reason, error: err instanceof Error ? err.message : String(err) });
      });
    },
  };
}
