/**
 * What ork does with each known Katalog key that it does not simply compile (spec README §1):
 * - `ignored`: validated for shape by the schema, then ignored by the operator (Gateway, Control
 *   Center, registry or tooling features), with a one-line note from `ork validate`;
 * - `refused`: known, but the feature is not ork's: a check reports "not supported by ork";
 * - `renamed`: Orkestra rejects the old spelling at load time; the check names the new key.
 * Keys not matched here are compiled.
 *
 * Patterns are dot paths from the document root; `*` matches one map key or list index, `**`
 * matches any number of segments (e.g. `external:` lists appear at many depths). Only keys the
 * schema declares are matched, never user data (see schema-walk.ts).
 */
import { isDeclaredKey } from './schema-walk.ts';

export type SupportStatus = 'ignored' | 'refused' | 'renamed';

export interface KeySupport {
  readonly pattern: string;
  readonly status: SupportStatus;
  /** Why, or the new key for a renamed one. */
  readonly note: string;
}

const CRD = 'spec.crds.*';
const BOX = `${CRD}.operatorBox`;
const WORKLOAD_LISTS = ['deployments', 'replicaSets', 'statefulSets'] as const;

const ignored = (pattern: string, note: string): KeySupport => ({ pattern, status: 'ignored', note });
const refused = (pattern: string, note: string): KeySupport => ({ pattern, status: 'refused', note });
const renamed = (pattern: string, note: string): KeySupport => ({ pattern, status: 'renamed', note });

const GO_CODE = 'Go code, not data: ork compiles declarative templates only';
const OUTBOUND = 'outbound calls other than the Gateway break the Runtime security promise';
const UNFINISHED = 'unfinished upstream';
const GATEWAY = 'a Gateway feature; the operator does not use it';

/** The table, most specific patterns first. */
export const KEY_SUPPORT: readonly KeySupport[] = [
  renamed('**.anyOf', 'or'),
  renamed(`${BOX}.reconciler.hooks.resources`, 'managedResources'),
  renamed(`${BOX}.reconciler.constructor.resources`, 'managedResources'),
  renamed(`${BOX}.reconcile.hooks.resources`, 'managedResources'),
  renamed(`${BOX}.reconcile.constructor.resources`, 'managedResources'),
  renamed(`${BOX}.cross.*.labels`, 'labelSelector'),
  renamed('**.source.type', 'protocol'),

  refused('**.external', OUTBOUND),
  refused('**.source', `${OUTBOUND} (remote cross reads and metrics)`),
  refused('**.git', OUTBOUND),
  refused('**.docker', `${OUTBOUND} (and builds images inside the operator)`),
  refused('providers', OUTBOUND),
  refused(`${BOX}.providers`, OUTBOUND),
  refused('imports', 'Komposer sources fetched from files, URLs, Helm or registries (local files may come later)'),
  refused('spec.imports', 'Motif imports'),
  refused(`${CRD}.imports`, 'Motif imports'),
  refused(`${BOX}.reconcile.imports`, 'Motif imports'),
  refused(`${BOX}.reconciler.hooks`, GO_CODE),
  refused(`${BOX}.reconciler.constructor`, GO_CODE),
  refused(`${BOX}.reconciler.remote`, 'remote HTTP reconcilers'),
  refused(`${BOX}.reconcile.hooks`, GO_CODE),
  refused(`${BOX}.reconcile.constructor`, GO_CODE),
  refused(`${BOX}.reconcile.remote`, 'remote HTTP reconcilers'),
  refused(`${CRD}.apiTypes.location`, 'typed mode (Go types)'),
  refused(`${CRD}.apiTypes.object`, 'typed mode (Go types)'),
  refused(`${CRD}.apiTypes.objectList`, 'typed mode (Go types)'),
  refused(`${CRD}.apiTypes.alias`, 'typed mode (Go types)'),
  refused(`${BOX}.autoscale`, UNFINISHED),
  refused(`${BOX}.runtime.autoscale`, UNFINISHED),
  ...WORKLOAD_LISTS.map((list) => refused(`${BOX}.*.${list}.*.autoscale`, UNFINISHED)),
  ...WORKLOAD_LISTS.map((list) => refused(`${BOX}.reconcile.*.${list}.*.autoscale`, UNFINISHED)),
  refused(`${BOX}.rollback`, UNFINISHED),
  refused(`${BOX}.rollBackOnError`, UNFINISHED),
  refused('notification.standalone', 'the Runtime may not send mail or Slack itself; notifications go through gateway.endpoint'),

  ignored('lifecycle', 'tooling metadata'),
  ignored('policy', 'tooling policy'),
  ignored('security', GATEWAY),
  ignored('publish', 'a registry feature'),
  ignored('gateway.enabled', GATEWAY),
  ignored('gateway.standalone', GATEWAY),
  ignored('gateway.api', GATEWAY),
  ignored('gateway.webhooks', GATEWAY),
  ignored('gateway.clusters', GATEWAY),
  ignored(`${CRD}.serve`, GATEWAY),
  ignored(`${CRD}.conversion`, GATEWAY),
  ignored(`${CRD}.webhooks`, GATEWAY),
  ignored(`${CRD}.deletionProtection`, GATEWAY),
  ignored(`${CRD}.crossAccess`, 'cross reads from other Katalogs are not ork\'s'),
  ignored('crossAccess', 'cross reads from other Katalogs are not ork\'s'),
  ignored(`${CRD}.katalogName`, 'filled by Komposer merges'),
  ignored(`${CRD}.katalogNamespace`, 'filled by Komposer merges'),
  ignored(`${CRD}.katalogDescription`, 'filled by Komposer merges'),
  ignored(`${CRD}.katalogVersion`, 'filled by Komposer merges'),
  ignored(`${CRD}.workersActive`, 'a runtime record, not a setting'),
];

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  const [head, ...rest] = pattern;
  if (head === undefined) return path.length === 0;
  if (head === '**') {
    for (let skip = 0; skip <= path.length; skip++) if (matches(rest, path.slice(skip))) return true;
    return false;
  }
  const [first, ...tail] = path;
  if (first === undefined) return false;
  return (head === '*' || head === first) && matches(rest, tail);
}

/**
 * The support row of the key at `path` (e.g. ['spec', 'crds', 'web', 'operatorBox', 'rollback']),
 * or undefined for compiled keys and for user data (a label named `external` is not a key).
 */
export function keySupport(path: readonly (string | number)[]): KeySupport | undefined {
  if (!isDeclaredKey(path)) return undefined;
  const segments = path.map(String);
  return KEY_SUPPORT.find((row) => matches(row.pattern.split('.'), segments));
}
