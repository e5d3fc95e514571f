/** Gateway notifications: what generated reconcilers call (notify blocks on conditions) and the notifier. */
export { evaluateNotifyingGate } from './fired.ts';
export type { FiredNotification, NotifyingCondition, NotifyingDesired, NotifySpec, NotifyTeamSpec } from './fired.ts';
export { NotifyTransitions } from './transitions.ts';
export { GatewayNotifier, resolveGatewayEndpoint } from './gateway.ts';
export type { GatewayNotifierOptions, NotifyOutcome } from './gateway.ts';
export type { Notification, NotifyPayload } from './payload.ts';
