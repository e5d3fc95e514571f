/** The RBAC rules an operator needs, each traced to the Katalog declarations that need it. */

/** Why a rule exists: the Katalog path that needs it and what for. */
export interface RuleReason {
  readonly path: string;
  readonly why: string;
}

/** One PolicyRule (one API group, one resource) with the reasons behind every verb. */
export interface RbacRule {
  readonly apiGroup: string;
  readonly resource: string;
  /** Sorted, no duplicates, never `*`. */
  readonly verbs: readonly string[];
  /** Restricts the rule to these object names (only for get/update/patch/delete). */
  readonly resourceNames?: readonly string[];
  readonly reasons: readonly RuleReason[];
}

/** Every permission of one operator. */
export interface RbacRules {
  /** Rules of the operator's ClusterRole (CRs in all namespaces, their children, Events). */
  readonly cluster: readonly RbacRule[];
  /** Rules of the Role in the operator's own namespace (the leader-election Lease). */
  readonly namespace: readonly RbacRule[];
  /** The namespace of that Role. */
  readonly operatorNamespace: string;
}
