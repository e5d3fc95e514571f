/**
 * Startup, liveness and readiness probes (Orkestra `BuildProbe`/`ApplyProbes`). A probe is
 * HTTP when `type: http` or when `path` is set without a type, TCP when `type: tcp`, and not
 * written otherwise. Timing starts from the named profile (unknown or absent → `standard`),
 * then explicit fields override it. The port is the probe's own `port`, else the container port.
 * Zero timing values are omitted (the API server's defaults apply), as Go's `omitempty` does.
 */
import type { ProbeInput, ProbesInput } from '../inputs/workload.ts';
import type { Probe } from '../k8s/pod.ts';
import { DEFAULT_PROBE_TIMING, probeProfile } from '../profiles/probes.ts';
import type { BuildContext } from '../types.ts';
import { warn } from '../meta.ts';

/** One probe, or undefined when no type can be inferred. */
export function buildProbe(p: ProbeInput | undefined, containerPort: number, ctx: BuildContext, owner: { kind: string; name: string }): Probe | undefined {
  if (p === undefined) return undefined;
  const isHttp = p.type === 'http' || ((p.type === undefined || p.type === '') && p.path !== undefined && p.path !== '');
  const isTcp = p.type === 'tcp';
  if (!isHttp && !isTcp) return undefined;
  let timing = DEFAULT_PROBE_TIMING;
  if (p.profile !== undefined && p.profile !== '') {
    const found = probeProfile(p.profile, ctx.profiles);
    if (found !== undefined) timing = found;
    else warn(ctx, owner.kind, owner.name, `unknown probe profile ${JSON.stringify(p.profile)}: using standard`);
  }
  const port = p.port !== undefined && p.port > 0 ? p.port : containerPort;
  const probe: Probe = isHttp ? { httpGet: p.path !== undefined && p.path !== '' ? { path: p.path, port } : { port } } : { tcpSocket: { port } };
  const set = (key: 'initialDelaySeconds' | 'timeoutSeconds' | 'periodSeconds' | 'successThreshold' | 'failureThreshold'): void => {
    const v = p[key] ?? timing[key];
    if (v !== 0) probe[key] = v;
  };
  set('initialDelaySeconds');
  set('timeoutSeconds');
  set('periodSeconds');
  set('successThreshold');
  set('failureThreshold');
  return probe;
}

/** The three probes, each undefined when not declared or not inferable. */
export function buildProbes(probes: ProbesInput | undefined, containerPort: number, ctx: BuildContext, owner: { kind: string; name: string }): { livenessProbe?: Probe; readinessProbe?: Probe; startupProbe?: Probe } {
  const out: { livenessProbe?: Probe; readinessProbe?: Probe; startupProbe?: Probe } = {};
  const liveness = buildProbe(probes?.liveness, containerPort, ctx, owner);
  const readiness = buildProbe(probes?.readiness, containerPort, ctx, owner);
  const startup = buildProbe(probes?.startup, containerPort, ctx, owner);
  if (liveness !== undefined) out.livenessProbe = liveness;
  if (readiness !== undefined) out.readinessProbe = readiness;
  if (startup !== undefined) out.startupProbe = startup;
  return out;
}
