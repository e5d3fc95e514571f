/** Human-readable RBAC table for `ork validate --full`. */
import type { RbacRule, RbacRules } from './rules.ts';

function rows(rules: readonly RbacRule[]): string[] {
  const data = rules.map((r) => [r.apiGroup || 'core', r.resource + (r.resourceNames ? ` (${r.resourceNames.join(', ')})` : ''), r.verbs.join(','), r.reasons.map((x) => x.path).filter((p, i, a) => a.indexOf(p) === i).join('; ')]);
  const head = ['GROUP', 'RESOURCE', 'VERBS', 'NEEDED BY'];
  const widths = head.map((h, i) => Math.max(h.length, ...data.map((d) => (d[i] ?? '').length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  return [fmt(head), ...data.map(fmt)];
}

/** The ClusterRole and Role tables. */
export function formatRbacTable(rules: RbacRules): string {
  return [
    'ClusterRole (CRs and their children, all namespaces):',
    ...rows(rules.cluster).map((l) => `  ${l}`),
    '',
    `Role in namespace ${rules.operatorNamespace} (leader election):`,
    ...rows(rules.namespace).map((l) => `  ${l}`),
  ].join('\n');
}
