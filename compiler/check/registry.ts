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
import { resourceProfiles } from './steps/resource-profiles.ts';
import { probeProfiles } from './steps/probe-profiles.ts';
import { namespaceProtection } from './steps/namespace-protection.ts';
import { durations } from './steps/durations.ts';
import { hpaReferences } from './steps/hpa-references.ts';
import { teams } from './steps/teams.ts';
import { statusTypes } from './steps/status-types.ts';
import { services } from './steps/services.ts';
import { customResources } from './steps/custom-resources.ts';
import { gateway } from './steps/gateway.ts';
import { securityProfiles } from './steps/security-profiles.ts';
import { capabilities } from './steps/capabilities.ts';
import { userNotes } from './steps/user-notes.ts';
import { rollingUpdateProfiles } from './steps/rolling-update-profiles.ts';
import { portProtocols } from './steps/port-protocols.ts';
import { crdLabels } from './steps/crd-labels.ts';
import { envFrom } from './steps/env-from.ts';
import { retryBackoff } from './steps/retry-backoff.ts';
import { requeue } from './steps/requeue.ts';
import { crossDeclarations } from './steps/cross-declarations.ts';
import { preReconcile } from './steps/pre-reconcile.ts';
import { observeEvents } from './steps/observe-events.ts';
import { conditionOperators } from './steps/condition-operators.ts';
import { unsupportedFeatures } from './steps/unsupported-features.ts';
import { ignoredParts } from './steps/ignored-notes.ts';
import { templates } from './steps/templates.ts';

/** Every check, in the order they run. */
export const CHECKS: readonly Check[] = [
  crdFileAgrees,
  fieldConstraints,
  lifecycle,
  policy,
  gvkUniqueness,
  dependencies,
  reconcilerQueue,
  // Orkestra steps 14–54 that apply to compiled features, in Orkestra's order.
  resourceProfiles, // 14
  probeProfiles, // 15
  namespaceProtection, // 17
  durations, // 18
  hpaReferences, // 19
  teams, // 20 (fixed)
  statusTypes, // 21
  services, // 22
  customResources, // 23
  gateway, // 24
  securityProfiles, // 27
  capabilities, // 28
  userNotes, // 31
  rollingUpdateProfiles, // 33
  portProtocols, // 38
  crdLabels, // 42
  envFrom, // 43
  retryBackoff, // 50
  requeue, // 51
  crossDeclarations, // 52
  preReconcile, // 53
  observeEvents, // 54
  // ork's own.
  conditionOperators,
  unsupportedFeatures,
  ignoredParts,
  templates,
];
