/**
 * Container and pod settings shared by workload entries (deployments, replicaSets, statefulSets,
 * pods, jobs, cronJobs): env, envFrom, resources, probes, security contexts, volumes, rolling
 * update and workload autoscale. Orkestra `types_shared.go`, `types_probes.go`,
 * `pod_security.go`, `rolling_update.go`, workload autoscale.
 */
import { Type } from '@sinclair/typebox';
import { Obj, Opt, Str, GoString, Bool, Int, Duration, StrList, StringMap } from './scalars.ts';
import { gateKeys } from './conditions.ts';
import { Def, Ref } from './definitions.ts';

const KeyRef = (what: string) => Obj(`Selects one key of a ${what}.`, {
  name: Str(`${what} name.`),
  key: Str(`Key inside the ${what}.`),
  optional: Opt(Bool(`Do not fail when the ${what} or key is missing.`)),
});

export const EnvVarSchema = Obj('One environment variable: a name and either a value or a valueFrom source.', {
  name: Str('Variable name.'),
  value: Opt(GoString('Value (template).')),
  valueFrom: Opt(Obj('Where the value comes from (one source).', {
    secretKeyRef: Opt(KeyRef('Secret')),
    configMapKeyRef: Opt(KeyRef('ConfigMap')),
  })),
});

/** `env:` must be a list; Orkestra rejects a map ("env must be a list, not a map"). */
export const EnvListSchema = Def('EnvList', Type.Array(EnvVarSchema, {
  description: 'Environment variables of the primary container, as a list of {name, value | valueFrom} (a map is rejected).',
}));

const EnvFromRef = (what: string) => Obj(`Imports the keys of a ${what} as environment variables.`, {
  name: Str(`${what} name.`),
  prefix: Opt(Str('Prefix added to every variable name.')),
  suffix: Opt(Str('Suffix added to every variable name (Orkestra extension; needs keys).')),
  optional: Opt(Bool(`Do not fail when the ${what} is missing.`)),
  keys: Opt(StrList('Only these keys (Orkestra extension: expanded into individual env entries).')),
});

export const EnvFromSchema = Def('EnvFrom', Obj('Bulk-load environment variables from Secrets and ConfigMaps.', {
  secretRef: Opt(Type.Array(EnvFromRef('Secret'), { description: 'Secrets to import.' })),
  configMapRef: Opt(Type.Array(EnvFromRef('ConfigMap'), { description: 'ConfigMaps to import.' })),
}));

export const ResourcesSchema = Def('Resources', Obj('CPU/memory of the primary container: a named profile XOR explicit requests/limits (static quantities).', {
  profile: Opt(Str('Named preset: tiny, small, medium, large, burst, steady, compute-heavy, memory-heavy, or a profiles.resources name (template allowed).')),
  requests: Opt(StringMap('Requested quantities, e.g. {cpu: 100m, memory: 128Mi}.')),
  limits: Opt(StringMap('Limit quantities, e.g. {cpu: 500m, memory: 512Mi}.')),
}));

const ProbeSchema = Obj('One probe: http (path) or tcp check, timing from a profile or explicit fields.', {
  type: Opt(Str('http or tcp (http assumed when path is set).')),
  path: Opt(Str('HTTP GET path (type http).')),
  port: Opt(Int('Probe port; default the container port.')),
  profile: Opt(Str('Timing profile: fast, standard (default), patient, slow-start, or a user profile.')),
  initialDelaySeconds: Opt(Int('Explicit timing: initial delay.')),
  periodSeconds: Opt(Int('Explicit timing: period.')),
  failureThreshold: Opt(Int('Explicit timing: failure threshold.')),
  successThreshold: Opt(Int('Explicit timing: success threshold.')),
  timeoutSeconds: Opt(Int('Explicit timing: timeout.')),
});

export const ProbesSchema = Def('Probes', Obj('Startup, liveness and readiness probes of the primary container.', {
  startup: Opt(ProbeSchema),
  liveness: Opt(ProbeSchema),
  readiness: Opt(ProbeSchema),
}));

export const CapabilitiesSchema = Obj('Linux capabilities to add or drop.', {
  add: Opt(StrList('Capabilities to add.')),
  drop: Opt(StrList('Capabilities to drop (["ALL"] drops everything).')),
});

export const ContainerSecuritySchema = Def('ContainerSecurity', Obj('Container security context: a profile (baseline, restricted, hardened) XOR explicit fields.', {
  profile: Opt(Str('Named preset: baseline, restricted, hardened.')),
  allowPrivilegeEscalation: Opt(Bool('Allow gaining more privileges than the parent process.')),
  readOnlyRootFilesystem: Opt(Bool('Mount the root filesystem read-only.')),
  runAsNonRoot: Opt(Bool('Require a non-root user.')),
  runAsUser: Opt(Int('UID of the entrypoint.')),
  runAsGroup: Opt(Int('GID of the entrypoint.')),
  capabilities: Opt(CapabilitiesSchema),
}));

export const PodSecuritySchema = Def('PodSecurity', Obj('Pod security context: a profile (baseline, restricted, hardened) XOR explicit fields.', {
  profile: Opt(Str('Named preset: baseline, restricted, hardened.')),
  runAsNonRoot: Opt(Bool('Require non-root users.')),
  runAsUser: Opt(Int('UID of all containers.')),
  runAsGroup: Opt(Int('GID of all containers.')),
  fsGroup: Opt(Int('Supplemental GID owning the pod volumes.')),
}));

export const RollingUpdateSchema = Def('RollingUpdate', Obj('Deployment rolling update: a profile (safe, fast, blue-green) XOR maxSurge/maxUnavailable.', {
  profile: Opt(Str('Named preset: safe, fast, blue-green, or a profiles.rollingUpdate name.')),
  maxSurge: Opt(GoString('Pods above the desired count during an update ("1" or "25%").')),
  maxUnavailable: Opt(GoString('Pods that may be unavailable during an update ("0" or "25%").')),
}));

export const VolumeSchema = Def('Volume', Obj('A pod volume (one source: configMap, secret, emptyDir, persistentVolumeClaim or hostPath).', {
  name: Str('Volume name (template).'),
  configMap: Opt(Obj('ConfigMap volume.', { name: Str('ConfigMap name (template).') })),
  secret: Opt(Obj('Secret volume.', { name: Str('Secret name (template).') })),
  emptyDir: Opt(Obj('Scratch volume living as long as the pod; write {}.', {})),
  persistentVolumeClaim: Opt(Obj('PersistentVolumeClaim volume.', {
    claimName: Str('Claim name (template).'),
    readOnly: Opt(Bool('Mount read-only.')),
  })),
  hostPath: Opt(Obj('Node directory volume.', {
    path: Str('Path on the node.'),
    type: Opt(Str('HostPath type, e.g. Directory, DirectoryOrCreate.')),
  })),
}));

export const VolumeMountSchema = Def('VolumeMount', Obj('Mounts a volume declared in volumes: into the primary container.', {
  name: Str('Name of a declared volume.'),
  mountPath: Str('Path inside the container.'),
  subPath: Opt(Str('Sub-path inside the volume.')),
  readOnly: Opt(Bool('Mount read-only.')),
}));

const scaleConditions = (verb: string) =>
  Opt(Obj(`Conditions that trigger a scale-${verb} event.`, gateKeys(`a scale-${verb}`)));

const ScaleUpSchema = Obj('When and how much to scale up.', {
  conditions: scaleConditions('up'),
  target: Opt(Int('Jump to exactly this replica count.')),
  increment: Opt(Int('Replicas to add per event.')),
});

const ScaleDownSchema = Obj('When and how much to scale down.', {
  conditions: scaleConditions('down'),
  target: Opt(Int('Jump to exactly this replica count.')),
  decrement: Opt(Int('Replicas to remove per event.')),
});

export const WorkloadAutoscaleSchema = Def('WorkloadAutoscale', Obj('Workload autoscaling of a Deployment: patches spec.replicas when conditions pass (Orkestra marks it unfinished; ork refuses it).', {
  min: Opt(Int('Replica floor.')),
  max: Int('Replica ceiling.'),
  cooldown: Opt(Duration('Minimum time between scale events, default 1m')),
  scaleUp: Opt(ScaleUpSchema),
  scaleDown: Opt(ScaleDownSchema),
}));

/** Image of the single container. */
export function imageKeys() {
  return {
    image: Opt(Str('Container image (template); required to create the workload (an onDelete entry needs only its name).')),
    imagePullSecrets: Opt(StrList('Secrets used to pull the image.')),
  };
}

/** Primary container port. */
export function portKeys() {
  return {
    port: Opt(GoString('Primary container port, e.g. 8080 or "{{ .spec.port }}"; omit for no port.')),
    protocol: Opt(Str('Port protocol: TCP (default), UDP, SCTP.')),
  };
}

/** Scheduling and identity of the pod. */
export function schedulingKeys() {
  return {
    nodeSelector: Opt(StringMap('Node labels the pod must match.')),
    serviceAccountName: Opt(Str('ServiceAccount the pod runs as.')),
  };
}

/** Resources and security contexts. */
export function containerSettingKeys() {
  return {
    resources: Opt(Ref(ResourcesSchema)),
    securityContext: Opt(Ref(ContainerSecuritySchema)),
    podSecurity: Opt(Ref(PodSecuritySchema)),
  };
}

/** Probes of the primary container. */
export function probeKeys() {
  return { probes: Opt(Ref(ProbesSchema)) };
}

/** Pod volumes and their mounts. */
export function volumeKeys() {
  return {
    volumes: Opt(Type.Array(Ref(VolumeSchema), { description: 'Pod volumes.' })),
    volumeMounts: Opt(Type.Array(Ref(VolumeMountSchema), { description: 'Mounts of the primary container.' })),
  };
}

/** Environment of the primary container. */
export function envKeys() {
  return {
    env: Opt(Ref(EnvListSchema)),
    envFrom: Opt(Ref(EnvFromSchema)),
  };
}

/** Entry point of a run-to-completion container. */
export function commandKeys() {
  return {
    command: Opt(StrList('Container entrypoint; each element may be a template.')),
    args: Opt(StrList('Container arguments; each element may be a template.')),
  };
}

/** Working directory of the container. */
export function workingDirectoryKey() {
  return { workingDirectory: Opt(Str('Working directory of the container.')) };
}

/** Replica count, rolling update and workload autoscale of a replicated workload. */
export function replicaKeys(kind: string) {
  return {
    replicas: Opt(GoString(`Replica count of the ${kind}: 3, "3" or "{{ .spec.replicas }}". Default 1.`)),
    rollingUpdate: Opt(Ref(RollingUpdateSchema)),
    autoscale: Opt(Ref(WorkloadAutoscaleSchema)),
  };
}

/** Every pod and container key of a replicated workload (Deployment and ReplicaSet share this shape). */
export function replicatedWorkloadKeys(kind: string) {
  return {
    ...imageKeys(),
    ...portKeys(),
    ...replicaKeys(kind),
    ...envKeys(),
    ...schedulingKeys(),
    ...containerSettingKeys(),
    ...probeKeys(),
    ...volumeKeys(),
    ...workingDirectoryKey(),
  };
}
