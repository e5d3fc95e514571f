/** Security profiles (`securityContext.profile`, `podSecurity.profile`; Orkestra `pkg/profiles/security.go`). */
import type { ContainerSecurityFields, PodSecurityFields } from '../inputs/workload.ts';
import type { UserProfiles } from './registry.ts';
import { builtIn, findProfile } from './registry.ts';

/** Built-in container security profiles. */
export const CONTAINER_SECURITY_PROFILES: ReadonlyMap<string, ContainerSecurityFields> = new Map<string, ContainerSecurityFields>([
  ['baseline', { allowPrivilegeEscalation: false, capabilities: { drop: ['NET_RAW'] } }],
  ['restricted', { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } }],
  ['hardened', { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } }],
]);

/** Built-in pod security profiles. */
export const POD_SECURITY_PROFILES: ReadonlyMap<string, PodSecurityFields> = new Map<string, PodSecurityFields>([
  ['baseline', { runAsNonRoot: false }],
  ['restricted', { runAsNonRoot: true, runAsUser: 1000 }],
  ['hardened', { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, fsGroup: 65534 }],
]);

/** A user `profiles.containerSecurity` entry, else a built-in (case-insensitive). */
export function containerSecurityProfile(name: string, profiles: UserProfiles | undefined): ContainerSecurityFields | undefined {
  return findProfile(profiles?.containerSecurity, name) ?? builtIn(CONTAINER_SECURITY_PROFILES, name);
}

/** A user `profiles.podSecurity` entry, else a built-in (case-insensitive). */
export function podSecurityProfile(name: string, profiles: UserProfiles | undefined): PodSecurityFields | undefined {
  return findProfile(profiles?.podSecurity, name) ?? builtIn(POD_SECURITY_PROFILES, name);
}
