/** Typed core/v1 objects other than pods, as ork writes them. */
import type { StringMap } from '../maps.ts';
import type { Protocol } from '../parse.ts';
import type { ChildMeta } from '../types.ts';

export type Service = {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: ChildMeta;
  spec: {
    type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
    clusterIP?: 'None';
    selector: StringMap;
    ports: Array<{ port: number; targetPort: number; protocol: Protocol }>;
  };
};

export type ConfigMap = { apiVersion: 'v1'; kind: 'ConfigMap'; metadata: ChildMeta; data?: StringMap };

export type Secret = {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: ChildMeta;
  type: 'Opaque' | 'kubernetes.io/tls' | 'kubernetes.io/dockerconfigjson';
  stringData?: StringMap;
};

export type ServiceAccount = { apiVersion: 'v1'; kind: 'ServiceAccount'; metadata: ChildMeta };

export type Namespace = { apiVersion: 'v1'; kind: 'Namespace'; metadata: ChildMeta };

export type PersistentVolumeClaim = {
  apiVersion: 'v1';
  kind: 'PersistentVolumeClaim';
  metadata: ChildMeta;
  spec: {
    accessModes: string[];
    storageClassName?: string;
    volumeMode?: 'Filesystem' | 'Block';
    volumeName?: string;
    resources: { requests: { storage: string } };
  };
};

export type PersistentVolume = {
  apiVersion: 'v1';
  kind: 'PersistentVolume';
  metadata: ChildMeta;
  spec: {
    capacity: { storage: string };
    accessModes: string[];
    persistentVolumeReclaimPolicy?: 'Retain' | 'Delete' | 'Recycle';
    storageClassName?: string;
    hostPath?: { path: string };
    csi?: { driver: string; volumeHandle: string };
  };
};

export type ResourceQuota = { apiVersion: 'v1'; kind: 'ResourceQuota'; metadata: ChildMeta; spec: { hard?: StringMap } };

export type LimitRangeItem = {
  type: string;
  max?: StringMap;
  min?: StringMap;
  default?: StringMap;
  defaultRequest?: StringMap;
  maxLimitRequestRatio?: StringMap;
};

export type LimitRange = { apiVersion: 'v1'; kind: 'LimitRange'; metadata: ChildMeta; spec: { limits: LimitRangeItem[] } };
