/** Shared fixtures for the child-builder tests. */
import type { BuildContext, BuildWarning, Owner } from '../../../../runtime-kit/children/index.ts';

/** A namespaced CR `web` in `shop`. */
export const OWNER: Owner = { apiVersion: 'demo.orkspace.io/v1', kind: 'WebApp', name: 'web', namespace: 'shop', uid: 'uid-1' };

/** The metadata Orkestra stamps on every child of {@link OWNER}. */
export const STAMP = { 'orkestra-owner': 'web', 'orkestra.orkspace.io/managed': 'true' };

/** The controller reference to {@link OWNER}. */
export const OWNER_REF = [{ apiVersion: 'demo.orkspace.io/v1', kind: 'WebApp', name: 'web', uid: 'uid-1', controller: true, blockOwnerDeletion: true }];

/** Standard metadata of a child named `name` in the CR namespace. */
export function meta(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, namespace: 'shop', labels: STAMP, ...extra, ownerReferences: OWNER_REF };
}

/** A context around {@link OWNER} (or another owner) that records warnings. */
export function context(over: Partial<BuildContext> = {}): BuildContext & { warnings: BuildWarning[] } {
  const warnings: BuildWarning[] = [];
  return { owner: OWNER, onWarning: (w) => warnings.push(w), ...over, warnings };
}

/** JSON round trip: compares what would be sent to the API server. */
export function json(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

/** Deep-freezes a value so a test fails if a builder mutates its input. */
export function frozen<T>(v: T): T {
  if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v)) frozen((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}
