/**
 * The result of `ork diff`: plain data, the same for the text and the JSON output. Every
 * group lists changes only (unchanged CRDs, rules and reconcilers are left out).
 */

/** One change inside a CRD version's `openAPIV3Schema`. */
export interface SchemaChange {
  /** Dotted field path from the schema root: `spec.ports[].name`, `spec.labels{}`. */
  readonly path: string;
  readonly change: SchemaChangeKind;
  /** True when objects valid before may be rejected (or lose data) after. */
  readonly breaking: boolean;
  /** One readable sentence: `maximum 10 → 5 (tightened)`. */
  readonly detail: string;
}

/** What changed at one schema path. */
export type SchemaChangeKind =
  | 'field-added'
  | 'field-removed'
  | 'type-changed'
  | 'enum-changed'
  | 'required-added'
  | 'required-removed'
  | 'bound-changed'
  | 'pattern-changed'
  | 'format-changed'
  | 'nullable-changed'
  | 'unknown-fields-changed'
  | 'validation-rules-changed'
  | 'combinator-changed'
  | 'default-changed';

/** How a CRD, a version, a reconciler or a rule compares between the two sides. */
export type Presence = 'added' | 'removed' | 'changed';

/** One served version of a CRD. */
export interface VersionDiff {
  readonly version: string;
  readonly change: Presence;
  readonly breaking: boolean;
  /** Version-level notes (served, storage). */
  readonly notes: readonly CrdNote[];
  readonly fields: readonly SchemaChange[];
}

/** A CRD-level change that is not in a schema (scope, kind, served, storage). */
export interface CrdNote {
  readonly detail: string;
  readonly breaking: boolean;
}

/** One CustomResourceDefinition, by `metadata.name` (`<plural>.<group>`). */
export interface CrdDiff {
  readonly name: string;
  readonly kind: string;
  readonly change: Presence;
  readonly breaking: boolean;
  readonly notes: readonly CrdNote[];
  readonly versions: readonly VersionDiff[];
}

/** One RBAC rule key: who grants it (scope) and what it is about. */
export interface RbacChange {
  /** `ClusterRole` (cluster-wide) or `Role` (in `namespace`). */
  readonly roleKind: 'ClusterRole' | 'Role';
  /** The Role's namespace; absent for ClusterRoles. */
  readonly namespace?: string;
  /** Names of the roles granting the rule, on the side(s) that have it. */
  readonly roles: readonly string[];
  readonly apiGroup: string;
  readonly resource: string;
  readonly resourceNames: readonly string[];
  /** `added`: a rule the old side did not have; `removed`: gone; `changed`: verbs differ. */
  readonly change: Presence;
  readonly addedVerbs: readonly string[];
  readonly removedVerbs: readonly string[];
  /** True when the new side may do something the old one could not (any added verb). */
  readonly escalation: boolean;
}

/** One generated reconciler module. */
export interface ReconcilerDiff {
  /** The CRD entry name (`spec.crds.<name>`). */
  readonly crd: string;
  readonly change: Presence;
  /** Unified line diff of the module (only for `changed`). */
  readonly diff?: string;
}

/** Child kinds (`apiVersion Kind`) one CRD's operator gained or lost. */
export interface ChildrenDiff {
  readonly crd: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** One `dependsOn` edge: `from` waits for `to` to be `condition`. */
export interface DependencyEdge {
  readonly from: string;
  readonly to: string;
  readonly condition: string;
}

/** Dependency graph changes. */
export interface DependencyDiff {
  readonly added: readonly DependencyEdge[];
  readonly removed: readonly DependencyEdge[];
  /** Same edge, other condition. */
  readonly changed: ReadonlyArray<{ readonly from: string; readonly to: string; readonly before: string; readonly after: string }>;
}

/** Which input a side came from. */
export interface SideInfo {
  readonly path: string;
  readonly kind: 'katalog' | 'project';
}

/** The whole comparison of side `a` (before) with side `b` (after). */
export interface DiffReport {
  readonly a: SideInfo;
  readonly b: SideInfo;
  readonly crds: readonly CrdDiff[];
  readonly rbac: readonly RbacChange[];
  readonly reconcilers: readonly ReconcilerDiff[];
  readonly children: readonly ChildrenDiff[];
  readonly dependencies: DependencyDiff;
  readonly summary: DiffSummary;
}

/** Counts that decide `--fail-on`. */
export interface DiffSummary {
  /** Breaking schema changes (fields, CRD notes, removed CRDs and versions). */
  readonly breaking: number;
  /** RBAC rules with at least one added verb. */
  readonly escalations: number;
  /** RBAC rules with removed verbs only. */
  readonly reductions: number;
  /** False when the two sides compare equal in every group. */
  readonly changed: boolean;
}
