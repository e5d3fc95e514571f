/**
 * Top-level `metadata`, `lifecycle` and `policy` (Orkestra `pkg/types/katalog.go` `KatalogMeta`,
 * `KatalogLifecycle`, `KatalogPolicy`). Lifecycle and policy are informational: validated, then
 * ignored by the operator.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, StrList, AnyMap } from './scalars.ts';

export const MetadataSchema = Obj('Identity of the Katalog.', {
  name: Str('Katalog name; ork also names the operator and its leader-election Lease after it.'),
  namespace: Opt(Str('Logical tenant of the Katalog (default "default").')),
  clusterName: Opt(Str('Cluster this Katalog runs in (overrides CLUSTER_NAME).')),
  description: Opt(Str('What the Katalog is for.')),
  version: Opt(Str('Semantic version of the Katalog, e.g. 1.2.0.')),
  author: Opt(Str('Author or maintainer.')),
  license: Opt(Str('License of the Katalog.')),
  tags: Opt(StrList('Registry discovery keywords; no runtime effect.')),
  createdBy: Opt(Str('Generator of the Katalog: "", operator or orkdoctor (UI only).')),
  projects: Opt(AnyMap('Developer tooling metadata; ignored by the runtime.')),
});
export type RawMetadata = Static<typeof MetadataSchema>;

export const LifecycleSchema = Obj('Maturity, deprecation and compatibility signals for tooling (ignored by the runtime).', {
  maturity: Opt(Str('alpha, beta, stable or deprecated.')),
  deprecation: Opt(Obj('Deprecation guidance.', {
    timeline: Opt(Obj('Deprecation window (YYYY-MM-DD).', {
      from: Opt(Str('Warn from this date.')),
      to: Opt(Str('End of life on this date.')),
    })),
    migratedTo: Opt(Str('Replacement pattern.')),
    message: Opt(Str('Deprecation message (required when deprecation is declared).')),
  })),
  compatibility: Opt(Obj('Verified version ranges (semver range syntax).', {
    kubernetes: Opt(Str('Kubernetes version range.')),
    orkestra: Opt(Str('Orkestra version range.')),
  })),
  accept: Opt(Obj('Komposer only: imported patterns accepted regardless of lifecycle.', {
    patterns: Opt(Type.Array(Obj('One accepted imported pattern.', {
      name: Str('Pattern name.'),
      author: Opt(Str('Pattern author.')),
      version: Opt(Str('Semver range the acceptance covers (omit = all versions).')),
    }), { description: 'Accepted patterns.' })),
  })),
});
export type RawLifecycle = Static<typeof LifecycleSchema>;

export const PolicySchema = Obj('Platform enforcement rules for imports (informational for ork).', {
  lifecycle: Opt(Obj('Lifecycle policy.', {
    minMaturity: Opt(Str('Lowest accepted maturity of imports: alpha, beta or stable.')),
  })),
});
export type RawPolicy = Static<typeof PolicySchema>;
