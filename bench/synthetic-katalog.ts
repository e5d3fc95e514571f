/**
 * A synthetic Katalog of N CRDs for the compile-side benchmarks: each CRD has its own CRD file
 * (spec with image/replicas/port/env), a Deployment, a Service and a ConfigMap with templates,
 * status fields, and a dependency on the previous CRD every third entry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A Kubernetes kind by group, version and kind. */
export interface KindRef {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** The child kinds every synthetic CRD declares under `onReconcile` below (deployments, services, configMaps). */
export const SYNTHETIC_CHILD_KINDS: readonly KindRef[] = [
  { group: 'apps', version: 'v1', kind: 'Deployment' },
  { group: '', version: 'v1', kind: 'Service' },
  { group: '', version: 'v1', kind: 'ConfigMap' },
];

/** The kinds of the synthetic Katalog of `n` CRDs (`bench.ork.dev/v1` `Svc0`…), each with its child kinds. */
export function syntheticKinds(n: number): Array<KindRef & { readonly children: readonly KindRef[] }> {
  return Array.from({ length: n }, (_, i) => ({ group: 'bench.ork.dev', version: 'v1', kind: `Svc${i}`, children: SYNTHETIC_CHILD_KINDS }));
}

/** Writes the Katalog and its CRD files under `dir`; returns the Katalog path. */
export function writeSyntheticKatalog(dir: string, n: number): string {
  mkdirSync(path.join(dir, 'crds'), { recursive: true });
  const entries: string[] = [];
  for (const [i, { group, kind }] of syntheticKinds(n).entries()) {
    const name = `svc${i}`;
    writeFileSync(
      path.join(dir, 'crds', `${name}.yaml`),
      `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: ${name}s.${group}}
spec:
  group: ${group}
  names: {kind: ${kind}, plural: ${name}s}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      subresources: {status: {}}
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                image: {type: string}
                replicas: {type: integer}
                port: {type: integer}
                tier: {type: string}
            status: {type: object, x-kubernetes-preserve-unknown-fields: true}
`,
    );
    entries.push(`    ${name}:
      crdFile: ./crds/${name}.yaml
${i % 3 === 2 ? `      dependsOn: [svc${i - 1}]\n` : ''}      operatorBox:
        onReconcile:
          deployments:
            - name: "{{ .metadata.name }}"
              image: "{{ .spec.image }}"
              replicas: "{{ .spec.replicas | default 1 }}"
              port: "{{ .spec.port | default 8080 }}"
          services:
            - name: "{{ .metadata.name }}"
              port: "80"
              targetPort: "{{ .spec.port | default 8080 }}"
          configMaps:
            - name: "{{ .metadata.name }}-cfg"
              data:
                tier: "{{ .spec.tier | default \\"free\\" }}"
              when:
                - field: spec.tier
                  notEquals: none
        status:
          fields:
            - path: url
              value: "http://{{ .metadata.name }}.{{ .metadata.namespace }}.svc"
`);
  }
  const file = path.join(dir, 'katalog.yaml');
  writeFileSync(file, `apiVersion: orkestra.orkspace.io/v1
kind: Katalog
metadata: {name: bench-${n}, namespace: bench-system, version: 0.1.0}
spec:
  crds:
${entries.join('')}`);
  return file;
}
