/**
 * The single primary container Orkestra gives every workload, named after the object. Keys in a
 * fixed order: name, image, command, args, workingDir, ports, envFrom, env, resources,
 * volumeMounts, livenessProbe, readinessProbe, startupProbe, securityContext.
 */
import type { PodFieldsInput } from '../inputs/workload.ts';
import type { Container } from '../k8s/pod.ts';
import type { Protocol } from '../parse.ts';
import type { BuildContext } from '../types.ts';
import { buildEnv } from './env.ts';
import { buildProbes } from './probes.ts';
import { buildResources } from './resources.ts';
import { buildContainerSecurity } from './security.ts';
import { buildVolumeMounts } from './volumes.ts';

/** Where the container sits and which port it exposes (0 = none). */
export interface ContainerTarget {
  readonly kind: string;
  readonly name: string;
  readonly image: string;
  readonly port: number;
  readonly protocol: Protocol;
  /** Mounts written before the declared ones (StatefulSet claim templates). */
  readonly extraMounts?: ReadonlyArray<{ name: string; mountPath: string }>;
}

/** Builds the primary container from the declaration's pod fields. */
export function buildContainer(input: PodFieldsInput, t: ContainerTarget, ctx: BuildContext): Container {
  const c: Container = { name: t.name, image: t.image };
  if (input.command !== undefined && input.command.length > 0) c.command = [...input.command];
  if (input.args !== undefined && input.args.length > 0) c.args = [...input.args];
  if (input.workingDirectory !== undefined && input.workingDirectory !== '') c.workingDir = input.workingDirectory;
  if (t.port > 0) c.ports = [{ containerPort: t.port, protocol: t.protocol }];
  const { env, envFrom } = buildEnv(input.env, input.envFrom);
  if (envFrom !== undefined) c.envFrom = envFrom;
  if (env !== undefined) c.env = env;
  const resources = buildResources(input.resources, ctx, t.kind, t.name);
  if (resources !== undefined) c.resources = resources;
  const mounts = [...(t.extraMounts ?? []).map((m) => ({ name: m.name, mountPath: m.mountPath })), ...(buildVolumeMounts(input.volumeMounts) ?? [])];
  if (mounts.length > 0) c.volumeMounts = mounts;
  Object.assign(c, buildProbes(input.probes, t.port, ctx, t));
  const security = buildContainerSecurity(input.securityContext, ctx, t.kind, t.name);
  if (security !== undefined) c.securityContext = security;
  return c;
}
