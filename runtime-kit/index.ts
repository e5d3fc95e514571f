/**
 * The runtime kit's public surface: what generated operators import. Thin by design — each
 * export lives in its own side-effect-free module, so esbuild keeps only what is used.
 * Layers (bottom-up): client → informer → queue → reconcile → leader, server, notify → operator;
 * clock, log and metrics are leaf utilities every layer may use.
 */
export type { Clock, Timer } from './clock.ts';
export { FakeClock, realClock, sleep } from './clock.ts';

export type { LineSink, LogFields, LogLevel, Logger, LoggerOptions } from './log/logger.ts';
export { createLogger, nullLogger } from './log/logger.ts';

export type { DropReason, MetricsOptions, NotifyResult, OperatorMetrics, ReconcileResult } from './metrics/operator-metrics.ts';
export { createMetrics } from './metrics/operator-metrics.ts';

export type { AddOptions, AddOutcome, Queue, WorkQueueOptions } from './queue/fifo.ts';
export { WorkQueue } from './queue/fifo.ts';
export type { DelayingQueue } from './queue/delaying.ts';
export { DelayingWorkQueue } from './queue/delaying.ts';
export type { BackoffOptions, ControllerLimiterOptions, RateLimiter } from './queue/rate-limiter.ts';
export { BucketLimiter, ItemExponentialLimiter, MaxOfLimiter, controllerRateLimiter } from './queue/rate-limiter.ts';
export type { RateLimitingOptions, RateLimitingQueue } from './queue/rate-limiting.ts';
export { RateLimitingWorkQueue } from './queue/rate-limiting.ts';
export type { QueueOptions, RetryBackoff } from './queue/create.ts';
export { createWorkQueue } from './queue/create.ts';
export type { QueueObserver } from './queue/observer.ts';
export { queueInstruments, workerInstruments } from './queue/instrument.ts';
export type { WorkContext, WorkOutcome, WorkReport, WorkResult, WorkerPool, WorkerPoolOptions } from './queue/worker-pool.ts';
export { startWorkers } from './queue/worker-pool.ts';

export type { CrdState, HealthSnapshot } from './server/health.ts';
export { CrdHealth, DEFAULT_FAILURE_THRESHOLD } from './server/health.ts';
export type { CrdView, KubeObject, OperatorView, Probes } from './server/view.ts';
export type { RunningServer, ServerOptions } from './server/http.ts';
export { DEFAULT_PORT, resolvePort, startServer } from './server/http.ts';

export type { Notification, NotifyPayload } from './notify/payload.ts';
export type { ThrottleKey } from './notify/throttle.ts';
export { NotifyThrottle, throttleKey } from './notify/throttle.ts';
export type { GatewayNotifierOptions, NotifyOutcome } from './notify/gateway.ts';
export { GatewayNotifier, resolveGatewayEndpoint } from './notify/gateway.ts';
export type { FiredNotification, NotifyingCondition, NotifyingDesired, NotifySpec, NotifyTeamSpec } from './notify/fired.ts';
export { evaluateNotifyingGate } from './notify/fired.ts';
export { NotifyTransitions } from './notify/transitions.ts';

export type { Connection } from './client/connection.ts';
export { staticConnection } from './client/connection.ts';
export { inClusterConnection, isInCluster } from './client/in-cluster.ts';
export type { KubeconfigOptions } from './client/kubeconfig.ts';
export { kubeconfigConnection } from './client/kubeconfig.ts';
export type { LoadConnectionOptions } from './client/config.ts';
export { loadConnection } from './client/config.ts';
export type { ResourceRef } from './client/paths.ts';
export { resourcePath } from './client/paths.ts';
export type { RetryPolicy } from './client/retry.ts';
export { DEFAULT_RETRY } from './client/retry.ts';
export type { ApiRequest, ApplyOptions, DeleteOptions, KubeClientOptions, ListOptions, Query } from './client/rest.ts';
export { KubeClient } from './client/rest.ts';
export {
  AlreadyExistsError,
  ApiError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  GoneError,
  InvalidError,
  NotFoundError,
  RequestTimeoutError,
  ServerError,
  TooManyRequestsError,
  TransportError,
  UnauthorizedError,
  isConflict,
  isGone,
  isNotFound,
} from './client/errors.ts';
export type { WatchEvent, WatchEventType, WatchQuery } from './client/watch-stream.ts';
export { watchEvents } from './client/watch-stream.ts';

export type { ObjectMeta } from './children/types.ts';
