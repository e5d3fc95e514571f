/**
 * The operator's Deployment: two replicas (one leader, one standby), non-root, read-only root
 * filesystem, no privilege escalation, every capability dropped, seccomp RuntimeDefault,
 * probes on the health port, resources set, a termination grace period long enough for
 * in-flight reconciles to finish and the Lease to be released.
 */
import type { KatalogModel } from '../../model/katalog-model.ts';
import { commonLabels, operatorName } from './labels.ts';

/** Port of the operator's HTTP server (probes, /metrics, /katalog). */
export const OPERATOR_PORT = 8080;

/** Options of the generated Deployment. */
export interface DeploymentOptions {
  readonly namespace: string;
  readonly image: string;
  readonly replicas?: number;
}

/** The Deployment manifest. */
export function operatorDeployment(model: KatalogModel, opts: DeploymentOptions): Record<string, unknown> {
  const name = operatorName(model);
  const labels = commonLabels(model);
  const selector = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': model.name };
  const probe = (path: string, extra: Record<string, number>): Record<string, unknown> => ({ httpGet: { path, port: 'http' }, ...extra });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: opts.namespace, labels },
    spec: {
      replicas: opts.replicas ?? 2,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: { ...labels, ...selector } },
        spec: {
          serviceAccountName: name,
          terminationGracePeriodSeconds: 30,
          securityContext: { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'operator',
              image: opts.image,
              imagePullPolicy: 'IfNotPresent',
              ports: [{ name: 'http', containerPort: OPERATOR_PORT, protocol: 'TCP' }],
              env: [
                { name: 'ORK_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'ORK_POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'ORK_PORT', value: String(OPERATOR_PORT) },
              ],
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                capabilities: { drop: ['ALL'] },
              },
              startupProbe: probe('/startup', { periodSeconds: 2, failureThreshold: 30 }),
              livenessProbe: probe('/health', { periodSeconds: 10, failureThreshold: 3 }),
              readinessProbe: probe('/ready', { periodSeconds: 5, failureThreshold: 2 }),
              resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
            },
          ],
        },
      },
    },
  };
}
