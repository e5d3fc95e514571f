/** Typed workload objects (apps/v1, batch/v1) as ork writes them. */
import type { ChildMeta, ObjectMeta } from '../types.ts';
import type { LabelSelector, PodTemplateSpec } from './pod.ts';

export type IntOrString = number | string;

export type DeploymentStrategy = {
  type: 'RollingUpdate';
  rollingUpdate: { maxSurge?: IntOrString; maxUnavailable?: IntOrString };
};

export type Deployment = {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  metadata: ChildMeta;
  spec: { replicas: number; selector: LabelSelector; strategy?: DeploymentStrategy; template: PodTemplateSpec };
};

export type ReplicaSet = {
  apiVersion: 'apps/v1';
  kind: 'ReplicaSet';
  metadata: ChildMeta;
  spec: { replicas: number; selector: LabelSelector; template: PodTemplateSpec };
};

export type PersistentVolumeClaimTemplate = {
  metadata: { name: string };
  spec: { accessModes: string[]; storageClassName: string; resources: { requests: { storage: string } } };
};

export type StatefulSetUpdateStrategy =
  | { type: 'OnDelete' }
  | { type: 'RollingUpdate'; rollingUpdate: { maxUnavailable?: IntOrString } };

export type StatefulSet = {
  apiVersion: 'apps/v1';
  kind: 'StatefulSet';
  metadata: ChildMeta;
  spec: {
    replicas: number;
    serviceName: string;
    selector: LabelSelector;
    podManagementPolicy: 'Parallel';
    updateStrategy: StatefulSetUpdateStrategy;
    template: PodTemplateSpec;
    volumeClaimTemplates?: PersistentVolumeClaimTemplate[];
  };
};

export type JobSpec = { backoffLimit: number; template: PodTemplateSpec };

export type Job = { apiVersion: 'batch/v1'; kind: 'Job'; metadata: ChildMeta; spec: JobSpec };

export type CronJob = {
  apiVersion: 'batch/v1';
  kind: 'CronJob';
  metadata: ChildMeta;
  spec: {
    schedule: string;
    suspend?: boolean;
    concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
    startingDeadlineSeconds?: number;
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
    jobTemplate: { metadata: ObjectMeta; spec: { template: PodTemplateSpec } };
  };
};
