/**
 * Container and pod security contexts (Orkestra `Resolve*SecurityContext` +
 * `Build*SecurityContext`): a profile replaces the block (unknown → none, with a warning),
 * otherwise the declared fields are copied. Only declared fields are written.
 */
import type { ContainerSecurityFields, ContainerSecurityInput, PodSecurityFields, PodSecurityInput } from '../inputs/workload.ts';
import type { PodSecurityContext, SecurityContext } from '../k8s/pod.ts';
import { warn } from '../meta.ts';
import { containerSecurityProfile, podSecurityProfile } from '../profiles/security.ts';
import type { BuildContext } from '../types.ts';

function copyDefined<T extends object>(src: T, keys: ReadonlyArray<keyof T>): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  return out;
}

function containerFields(f: ContainerSecurityFields): SecurityContext {
  const { capabilities: _caps, ...scalars } = f;
  const out: SecurityContext = copyDefined(scalars, ['allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'runAsNonRoot', 'runAsUser', 'runAsGroup']);
  if (f.capabilities !== undefined) {
    const caps: NonNullable<SecurityContext['capabilities']> = {};
    if (f.capabilities.add !== undefined && f.capabilities.add.length > 0) caps.add = [...f.capabilities.add];
    if (f.capabilities.drop !== undefined && f.capabilities.drop.length > 0) caps.drop = [...f.capabilities.drop];
    out.capabilities = caps;
  }
  return out;
}

/** The container `securityContext`, or undefined when not declared or the profile is unknown. */
export function buildContainerSecurity(sc: ContainerSecurityInput | undefined, ctx: BuildContext, kind: string, name: string): SecurityContext | undefined {
  if (sc === undefined) return undefined;
  if (sc.profile !== undefined && sc.profile !== '') {
    const found = containerSecurityProfile(sc.profile, ctx.profiles);
    if (found === undefined) {
      warn(ctx, kind, name, `unknown securityContext.profile ${JSON.stringify(sc.profile)}: no security context set`);
      return undefined;
    }
    return containerFields(found);
  }
  return containerFields(sc);
}

function podFields(f: PodSecurityFields): PodSecurityContext {
  return copyDefined(f, ['runAsNonRoot', 'runAsUser', 'runAsGroup', 'fsGroup']);
}

/** The pod `securityContext`, or undefined when not declared or the profile is unknown. */
export function buildPodSecurity(ps: PodSecurityInput | undefined, ctx: BuildContext, kind: string, name: string): PodSecurityContext | undefined {
  if (ps === undefined) return undefined;
  if (ps.profile !== undefined && ps.profile !== '') {
    const found = podSecurityProfile(ps.profile, ctx.profiles);
    if (found === undefined) {
      warn(ctx, kind, name, `unknown podSecurity.profile ${JSON.stringify(ps.profile)}: no pod security context set`);
      return undefined;
    }
    return podFields(found);
  }
  return podFields(ps);
}
