/**
 * The type of a template's data: the CR (`apiVersion`, `kind`, `metadata`, `spec`, `status`)
 * as the CRD schema describes it, the always-present `.inputs` and `.ork`, and the contexts a
 * Katalog place adds (`.item`/`.index`/`.value`/`.<as>` in forEach, `.children.<kind>`,
 * `.cross.<as>`, `.events.<name>`, `.metrics`, `.health`).
 */
import { type DataSchema, type TemplateType, typeOfSchema } from './types.ts';

const str: DataSchema = { type: 'string' };
const strMap: DataSchema = { type: 'object', additionalProperties: str };
const open: DataSchema = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };

/** ObjectMeta as the API server returns it. */
export const OBJECT_META: DataSchema = {
  type: 'object',
  properties: {
    name: str,
    namespace: str,
    generateName: str,
    uid: str,
    resourceVersion: str,
    generation: { type: 'integer' },
    creationTimestamp: str,
    deletionTimestamp: str,
    deletionGracePeriodSeconds: { type: 'integer' },
    labels: strMap,
    annotations: strMap,
    finalizers: { type: 'array', items: str },
    ownerReferences: { type: 'array', items: open },
    managedFields: { type: 'array', items: open },
    selfLink: str,
  },
};

/** `.metrics` (status fields, after reconcile). */
export const METRICS: DataSchema = {
  type: 'object',
  properties: {
    queueDepth: { type: 'integer' },
    workers: { type: 'integer' },
    autoscaleActive: { type: 'boolean' },
    workersBusyPercent: { type: 'number' },
    workersIdlePercent: { type: 'number' },
    errorRatePercent: { type: 'number' },
    reconcileDurationP95Ms: { type: 'number' },
  },
};

/** `.health` (status fields, after reconcile). */
export const HEALTH: DataSchema = {
  type: 'object',
  properties: Object.fromEntries(
    ['healthy', 'started', 'pending', 'hasUnhealthyDependencies'].map((k) => [k, { type: 'boolean' } as DataSchema]).concat(
      ['state', 'startedAt', 'uptime', 'lastError', 'lastReconcile'].map((k) => [k, str]),
      ['queueDepth', 'consecutiveFails', 'totalReconciles', 'resourceCount'].map((k) => [k, { type: 'integer' } as DataSchema]),
      [['errorRate', { type: 'number' } as DataSchema]],
    ),
  ),
};

/** A Kubernetes object read from the cluster whose shape ork does not check. */
export const OPEN_OBJECT: DataSchema = open;

/**
 * Builds the root type. `crd` is the CRD version's `openAPIV3Schema` (or undefined: then
 * `.spec` and `.status` are unchecked). `contexts` adds top-level keys for the template's place.
 */
export function rootType(crd: DataSchema | undefined, contexts: Readonly<Record<string, DataSchema>> = {}): TemplateType {
  const props = crd?.properties ?? {};
  const root: DataSchema = {
    type: 'object',
    properties: {
      apiVersion: str,
      kind: str,
      metadata: OBJECT_META,
      spec: props.spec ?? open,
      status: props.status ?? open,
      inputs: open,
      ork: open,
      ...contexts,
    },
  };
  return typeOfSchema(root);
}
