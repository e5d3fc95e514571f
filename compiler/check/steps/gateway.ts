/**
 * ORK025: the Gateway requirement (Orkestra step 24). ork's operator sends notifications only
 * through the Gateway's `/notify` (it may not send mail or Slack itself), so a Katalog with
 * notification teams needs `gateway.endpoint`, an http(s) URL. As in Orkestra, Gateway-side
 * protection features need some Gateway (enabled, standalone or an endpoint), and
 * `standalone` and `endpoint` are never set together. ork reads no environment at compile
 * time, so Orkestra's `ORK_GATEWAY_ENDPOINT` fallback does not count.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { asRecord } from '../values.ts';

export const gateway: Check = {
  code: 'ORK025',
  title: 'gateway.endpoint for notifications; standalone xor endpoint',
  orkestraStep: '24 validateGateway',
  run(ctx) {
    const out: Diagnostic[] = [];
    const raw = ctx.model.raw;
    const gw = asRecord(raw.gateway);
    const endpoint = typeof gw?.endpoint === 'string' ? gw.endpoint.trim() : '';
    if (gw?.standalone === true && endpoint !== '') {
      out.push(ctx.errorAtKey(['gateway', 'endpoint'], 'gateway.standalone and gateway.endpoint are both set', 'set only one: endpoint (the operator talks to a Gateway there) or standalone (a Gateway-only installation)'));
    }
    if (endpoint !== '' && !/^https?:\/\/[^\s/?#]+(?::\d+)?(\/[^\s]*)?$/.test(endpoint)) {
      out.push(ctx.error(['gateway', 'endpoint'], `gateway.endpoint \`${endpoint}\` is not an http(s) URL`, 'write the Gateway base URL, e.g. http://orkestra-gateway.orkestra-system.svc:8081'));
    }
    const notification = asRecord(raw.notification);
    const teams = Object.keys(asRecord(notification?.teams) ?? {});
    const notifies = notification !== undefined && notification.enabled !== false && notification.standalone !== true && teams.length > 0;
    if (notifies && endpoint === '') {
      out.push(ctx.errorAtKey(['notification'], 'notification teams are declared but gateway.endpoint is not set',
        'set `gateway: {endpoint: http://<gateway>:<port>}`: ork delivers notifications only through the Gateway\'s /notify, never by mail or Slack from the operator'));
    }
    const needs = gatewayFeatures(raw.security);
    if (needs.length > 0 && gw?.enabled !== true && gw?.standalone !== true && endpoint === '') {
      out.push(ctx.errorAtKey(['security'], `gateway required but not configured: ${needs.join(', ')} need a Gateway`,
        'set gateway.endpoint, gateway.enabled or gateway.standalone (ork ignores these features itself; the Gateway enforces them)'));
    }
    return out;
  },
};

/** Security features that run in the Gateway, when enabled. */
function gatewayFeatures(security: unknown): string[] {
  const s = asRecord(security);
  if (!s) return [];
  const on = (v: unknown, key = 'enabled'): boolean => asRecord(v) !== undefined && asRecord(v)?.[key] !== false;
  const out: string[] = [];
  if (on(s.deletionProtection)) out.push('security.deletionProtection');
  if (asRecord(asRecord(s.webhooks)?.admission)?.enabled === true) out.push('security.webhooks.admission');
  if (asRecord(s.conversion)?.enabled === true) out.push('security.conversion');
  if (on(s.namespaceProtection)) out.push('security.namespaceProtection');
  return out;
}
