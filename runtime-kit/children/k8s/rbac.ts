/** Typed rbac.authorization.k8s.io/v1 objects as ork writes them. */
import type { ChildMeta } from '../types.ts';

export type PolicyRule = { apiGroups?: string[]; resources?: string[]; verbs: string[]; resourceNames?: string[] };

export type RoleRef = { apiGroup: 'rbac.authorization.k8s.io'; kind: string; name: string };

export type Subject = { kind: string; name: string; namespace?: string };

export type Role = { apiVersion: 'rbac.authorization.k8s.io/v1'; kind: 'Role'; metadata: ChildMeta; rules: PolicyRule[] };

export type ClusterRole = {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: 'ClusterRole';
  metadata: ChildMeta;
  rules: PolicyRule[];
};

export type RoleBinding = {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: 'RoleBinding';
  metadata: ChildMeta;
  roleRef: RoleRef;
  subjects?: Subject[];
};

export type ClusterRoleBinding = {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: 'ClusterRoleBinding';
  metadata: ChildMeta;
  roleRef: RoleRef;
  subjects?: Subject[];
};
