/**
 * Notifications wired into the operator. A generated reconciler whose conditions carry
 * `notify:` returns the notify blocks that held (`NotifyingDesired.notifications`); the wrapped
 * reconcile function hands the ones that started to hold since the CR's previous reconcile
 * (`NotifyTransitions`) to the `GatewayNotifier`, which queues them and POSTs in the
 * background: a reconcile never waits for the Gateway. Repeats of the same CR, condition and
 * team within the team interval are throttled (flapping). Nothing of this exists when no
 * Gateway endpoint is configured (neither `gateway.endpoint` nor `ORK_GATEWAY_ENDPOINT`).
 */
import type { Clock } from '../clock.ts';
import { sleep } from '../clock.ts';
import type { Logger } from '../log/logger.ts';
import type { OperatorMetrics } from '../metrics/operator-metrics.ts';
import type { FiredNotification, NotifyingDesired } from '../notify/fired.ts';
import { GatewayNotifier, resolveGatewayEndpoint } from '../notify/gateway.ts';
import { NotifyTransitions } from '../notify/transitions.ts';
import type { KubeObjectLike, ReconcileFn } from '../reconcile/desired.ts';

/** The operator's notification path. */
export interface NotifyWiring {
  /** `fn`, plus delivery of its notifications (skipped for CRs being deleted). */
  wrap(fn: ReconcileFn): ReconcileFn;
  /** Forgets a deleted CR (`namespace/name` or `name`). */
  forget(crKey: string): void;
  /** Stops accepting notifications and waits up to `timeoutMs` for queued ones to be sent. */
  close(timeoutMs: number): Promise<void>;
  readonly notifier: GatewayNotifier;
}

/** What the wiring needs. */
export interface NotifyWiringOptions {
  readonly katalogName: string;
  /** The Katalog's `gateway.endpoint`. */
  readonly katalogEndpoint: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
  readonly metrics: OperatorMetrics;
  readonly log: Logger;
  readonly clock: Clock;
  /** Overrides of the notifier's defaults (tests). */
  readonly timeoutMs?: number;
  readonly attempts?: number;
  readonly backoffMs?: number;
  readonly queueSize?: number;
}

/**
 * The wiring, or undefined when no Gateway endpoint is configured (then nothing is sent).
 * Throws an Error naming the setting when the endpoint is not an http(s) URL.
 */
export function createNotifyWiring(opts: NotifyWiringOptions): NotifyWiring | undefined {
  const env = opts.env ?? process.env;
  const endpoint = resolveGatewayEndpoint(opts.katalogEndpoint, env);
  if (endpoint === undefined) return undefined;
  const source = (env['ORK_GATEWAY_ENDPOINT']?.trim() ?? '') !== '' ? 'ORK_GATEWAY_ENDPOINT' : 'gateway.endpoint';
  let notifier: GatewayNotifier;
  try {
    notifier = new GatewayNotifier({
      endpoint,
      clock: opts.clock,
      logger: opts.log,
      onResult: (r) => opts.metrics.notification(r),
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      ...(opts.attempts !== undefined ? { attempts: opts.attempts } : {}),
      ...(opts.backoffMs !== undefined ? { backoffMs: opts.backoffMs } : {}),
      ...(opts.queueSize !== undefined ? { queueSize: opts.queueSize } : {}),
    });
  } catch (err) {
    throw new Error(`${source} ${JSON.stringify(endpoint)}: ${err instanceof Error ? err.message : String(err)}; set it to http(s)://<gateway-host>:<port>`);
  }
  const transitions = new NotifyTransitions();
  const log = opts.log;

  const deliver = (cr: KubeObjectLike, fired: readonly FiredNotification[]): void => {
    const ns = cr.metadata.namespace ?? '';
    const crKey = ns ? `${ns}/${cr.metadata.name}` : cr.metadata.name;
    for (const f of transitions.rising(crKey, fired)) {
      if (f.messageError !== undefined) log.warn('notification message did not render; sending it without a message', { key: crKey, team: f.team, condKey: f.condKey, err: f.messageError });
      const outcome = notifier.notify(
        {
          katalogName: opts.katalogName,
          crName: cr.metadata.name,
          crNamespace: ns,
          gvk: `${cr.apiVersion}, Kind=${cr.kind}`,
          condKey: f.condKey,
          teamName: f.team,
          subject: `${f.field} condition triggered`,
          message: f.message,
          data: { field: f.field, operator: f.operator, value: f.value, actual: f.actual },
        },
        { key: { katalogName: opts.katalogName, field: f.field, operator: f.operator, value: f.value, teamName: f.team, cr: crKey }, intervalMs: f.intervalMs },
      );
      log.debug('notification', { key: crKey, team: f.team, condKey: f.condKey, outcome });
    }
  };

  return {
    notifier,
    wrap: (fn) => (cr, input) => {
      const desired = fn(cr, input);
      const fired = (desired as Partial<NotifyingDesired>).notifications;
      if (!cr.metadata.deletionTimestamp && Array.isArray(fired)) deliver(cr, fired);
      return desired;
    },
    forget: (crKey) => transitions.forget(crKey),
    close: async (timeoutMs) => {
      notifier.close();
      await Promise.race([notifier.idle(), sleep(opts.clock, timeoutMs)]);
    },
  };
}
