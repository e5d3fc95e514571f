/**
 * Rendered input pieces shared by workload declarations (Orkestra `types_shared.go`,
 * `types_probes.go`, `pod_security.go`, `rolling_update.go`) and the keys every entry carries.
 */

type Map = Readonly<Record<string, string>>;

/**
 * Keys every declaration may carry that only steer the reconciler (gates, expansion, apply mode,
 * delays). Builders ignore them.
 */
export interface EntryControlInput {
  readonly reconcile?: boolean;
  readonly when?: unknown;
  readonly or?: unknown;
  /** Old name of `or` (Orkestra before v0.7.16). */
  readonly anyOf?: unknown;
  readonly forEach?: unknown;
  readonly sleep?: string;
  readonly forceConflict?: boolean;
}

/** One key of a Secret or ConfigMap. */
export interface KeyRefInput {
  readonly name: string;
  readonly key: string;
  readonly optional?: boolean;
}

/** `env[i]`: a value, or a valueFrom source. */
export interface EnvVarInput {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: {
    readonly secretKeyRef?: KeyRefInput;
    readonly configMapKeyRef?: KeyRefInput;
  };
}

/** `envFrom.secretRef[i]` / `envFrom.configMapRef[i]`. `keys` and `suffix` are Orkestra extensions. */
export interface EnvFromRefInput {
  readonly name: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly optional?: boolean;
  readonly keys?: readonly string[];
}

/** `envFrom`. */
export interface EnvFromInput {
  readonly secretRef?: readonly EnvFromRefInput[];
  readonly configMapRef?: readonly EnvFromRefInput[];
}

/** `resources`: a profile name xor explicit requests/limits (quantities). */
export interface ResourcesInput {
  readonly profile?: string;
  readonly requests?: Map;
  readonly limits?: Map;
}

/** Explicit probe timing (also the shape of a `profiles.probes` entry). */
export interface ProbeTimingInput {
  readonly initialDelaySeconds?: number;
  readonly periodSeconds?: number;
  readonly failureThreshold?: number;
  readonly successThreshold?: number;
  readonly timeoutSeconds?: number;
}

/** One probe: http (path) or tcp; timing from a profile, then explicit overrides. */
export interface ProbeInput extends ProbeTimingInput {
  readonly type?: string;
  readonly path?: string;
  readonly port?: number;
  readonly profile?: string;
}

/** `probes`. */
export interface ProbesInput {
  readonly startup?: ProbeInput;
  readonly liveness?: ProbeInput;
  readonly readiness?: ProbeInput;
}

/** Linux capabilities to add or drop. */
export interface CapabilitiesInput {
  readonly add?: readonly string[];
  readonly drop?: readonly string[];
}

/** Container security fields (also the shape of a `profiles.containerSecurity` entry). */
export interface ContainerSecurityFields {
  readonly allowPrivilegeEscalation?: boolean;
  readonly readOnlyRootFilesystem?: boolean;
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly capabilities?: CapabilitiesInput;
}

/** `securityContext`: a profile xor explicit fields. */
export interface ContainerSecurityInput extends ContainerSecurityFields {
  readonly profile?: string;
}

/** Pod security fields (also the shape of a `profiles.podSecurity` entry). */
export interface PodSecurityFields {
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly fsGroup?: number;
}

/** `podSecurity`: a profile xor explicit fields. */
export interface PodSecurityInput extends PodSecurityFields {
  readonly profile?: string;
}

/** `rollingUpdate`: a profile xor maxSurge/maxUnavailable ("1", "25%"). */
export interface RollingUpdateInput {
  readonly profile?: string;
  readonly maxSurge?: string;
  readonly maxUnavailable?: string;
}

/** `volumes[i]`: one source (configMap, secret, emptyDir, persistentVolumeClaim, hostPath). */
export interface VolumeInput {
  readonly name: string;
  readonly configMap?: { readonly name: string };
  readonly secret?: { readonly name: string };
  readonly emptyDir?: Readonly<Record<string, never>>;
  readonly persistentVolumeClaim?: { readonly claimName: string; readonly readOnly?: boolean };
  readonly hostPath?: { readonly path: string; readonly type?: string };
}

/** `volumeMounts[i]`. */
export interface VolumeMountInput {
  readonly name: string;
  readonly mountPath: string;
  readonly subPath?: string;
  readonly readOnly?: boolean;
}

/** Pod-level and primary-container fields; each kind accepts the subset its schema declares. */
export interface PodFieldsInput {
  readonly image?: string;
  readonly imagePullSecrets?: readonly string[];
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly workingDirectory?: string;
  readonly env?: readonly EnvVarInput[];
  readonly envFrom?: EnvFromInput;
  readonly nodeSelector?: Map;
  readonly serviceAccountName?: string;
  readonly resources?: ResourcesInput;
  readonly securityContext?: ContainerSecurityInput;
  readonly podSecurity?: PodSecurityInput;
  readonly probes?: ProbesInput;
  readonly volumes?: readonly VolumeInput[];
  readonly volumeMounts?: readonly VolumeMountInput[];
}
