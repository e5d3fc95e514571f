/** Typed networking, autoscaling and policy objects as ork writes them. */
import type { StringMap } from '../maps.ts';
import type { ChildMeta } from '../types.ts';
import type { LabelSelector } from './pod.ts';
import type { IntOrString } from './workloads.ts';

export type Ingress = {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'Ingress';
  metadata: ChildMeta;
  spec: {
    ingressClassName?: string;
    rules: Array<{
      host?: string;
      http: {
        paths: Array<{
          path: string;
          pathType: 'Prefix' | 'Exact' | 'ImplementationSpecific';
          backend: { service: { name: string; port: { number?: number } } };
        }>;
      };
    }>;
    tls?: Array<{ hosts?: string[]; secretName: string }>;
  };
};

export type NetworkPolicyPeer = {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
};

export type NetworkPolicyPort = { protocol?: string; port?: IntOrString };

export type NetworkPolicy = {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'NetworkPolicy';
  metadata: ChildMeta;
  spec: {
    podSelector: LabelSelector;
    policyTypes?: string[];
    ingress?: Array<{ from?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }>;
    egress?: Array<{ to?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }>;
  };
};

export type HpaScalingRules = {
  stabilizationWindowSeconds?: number;
  selectPolicy?: string;
  policies?: Array<{ type: string; value: number; periodSeconds: number }>;
};

export type HorizontalPodAutoscaler = {
  apiVersion: 'autoscaling/v2';
  kind: 'HorizontalPodAutoscaler';
  metadata: ChildMeta;
  spec: {
    scaleTargetRef: { apiVersion?: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: Array<{
      type: 'Resource';
      resource: { name: 'cpu'; target: { type: 'Utilization'; averageUtilization: number } };
    }>;
    behavior?: { scaleUp?: HpaScalingRules; scaleDown?: HpaScalingRules };
  };
};

export type PodDisruptionBudget = {
  apiVersion: 'policy/v1';
  kind: 'PodDisruptionBudget';
  metadata: ChildMeta;
  spec: { selector: { matchLabels?: StringMap }; minAvailable?: IntOrString; maxUnavailable?: IntOrString };
};
