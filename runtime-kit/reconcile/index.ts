/** The reconcile layer: the generated-reconciler contract, the harness and the helpers generated code calls. */
export type { Desired, DesiredChild, KubeObjectLike, ObjectMetaLike, ObjectRef, ReconcileFn, ReconcileInput, WriteMode } from './desired.ts';
export type { ApiWriter, EventSink, KindInfo, LiveReader } from './ports.ts';
export { refOf, splitApiVersion } from './ports.ts';
export type { HarnessOptions } from './harness.ts';
export { createHarness, DELETION_POLL_MS } from './harness.ts';
export type { ReconcileResult } from './result.ts';
export { DONE } from './result.ts';
export { castStatusValue, setStatusField } from './status-fields.ts';
export { forEachEntries, type ForEachEntry } from './for-each.ts';
export { gatedOffRef } from './gated-off.ts';
export { parseGoDurationMs } from '../duration.ts';
export { isSubset } from './subset.ts';
