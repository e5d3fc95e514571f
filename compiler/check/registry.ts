/**
 * The validation boundary, in order: Orkestra's validator steps that apply to features ork
 * compiles (in Orkestra's order), then ork's own. docs/checks.md has the same table; a test
 * keeps the two in step.
 */
import type { Check } from './check.ts';
import { crdFileAgrees } from './steps/crd-file-agrees.ts';
import { fieldConstraints } from './steps/field-constraints.ts';
import { lifecycle } from './steps/lifecycle.ts';
import { policy } from './steps/policy.ts';
import { gvkUniqueness } from './steps/gvk-uniqueness.ts';
import { dependencies } from './steps/dependencies.ts';
import { reconcilerQueue } from './steps/reconciler-queue.ts';

/** Every check, in the order they run. */
export const CHECKS: readonly Check[] = [
  crdFileAgrees,
  fieldConstraints,
  lifecycle,
  policy,
  gvkUniqueness,
  dependencies,
  reconcilerQueue,
];
