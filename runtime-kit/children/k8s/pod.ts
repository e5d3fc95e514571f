/** Typed Kubernetes pod pieces (core/v1) as ork writes them: only the fields builders set. */
import type { StringMap } from '../maps.ts';
import type { Protocol } from '../parse.ts';
import type { ChildMeta, ObjectMeta } from '../types.ts';

export type LocalObjectReference = { name: string };

export type LabelSelector = { matchLabels?: StringMap };

export type ContainerPort = { containerPort: number; protocol: Protocol };

export type KeySelector = { name: string; key: string; optional?: boolean };

export type EnvVar = {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: KeySelector; configMapKeyRef?: KeySelector };
};

export type EnvFromSource = {
  prefix?: string;
  secretRef?: { name: string; optional?: boolean };
  configMapRef?: { name: string; optional?: boolean };
};

export type ResourceRequirements = { requests?: StringMap; limits?: StringMap };

export type Probe = {
  httpGet?: { path?: string; port: number };
  tcpSocket?: { port: number };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
};

export type SecurityContext = {
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  capabilities?: { add?: string[]; drop?: string[] };
};

export type PodSecurityContext = {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  fsGroup?: number;
};

export type VolumeMount = { name: string; mountPath: string; subPath?: string; readOnly?: boolean };

export type Volume = {
  name: string;
  configMap?: { name: string };
  secret?: { secretName: string };
  emptyDir?: Record<string, never>;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  hostPath?: { path: string; type?: string };
};

export type Container = {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  workingDir?: string;
  ports?: ContainerPort[];
  envFrom?: EnvFromSource[];
  env?: EnvVar[];
  resources?: ResourceRequirements;
  volumeMounts?: VolumeMount[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  securityContext?: SecurityContext;
};

export type PodSpec = {
  serviceAccountName?: string;
  nodeSelector?: StringMap;
  imagePullSecrets?: LocalObjectReference[];
  securityContext?: PodSecurityContext;
  restartPolicy?: 'OnFailure' | 'Never' | 'Always';
  containers: Container[];
  volumes?: Volume[];
};

export type PodTemplateSpec = { metadata: ObjectMeta; spec: PodSpec };

export type Pod = { apiVersion: 'v1'; kind: 'Pod'; metadata: ChildMeta; spec: PodSpec };
