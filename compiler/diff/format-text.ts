/**
 * The readable output of `ork diff`: one section per group (CRD schemas, RBAC, reconcilers,
 * children, dependencies), a marker per line (`+` added, `-` removed, `~` changed), BREAKING
 * and ESCALATION labels, and a summary line. Colour only when asked (the CLI decides).
 */
import type { CrdDiff, DiffReport, RbacChange, ReconcilerDiff } from './report.ts';

/** Options of the text output. */
export interface TextOptions {
  readonly color: boolean;
  /** Print reconciler line diffs (default true). */
  readonly reconcilerDiffs?: boolean;
}

type Paint = (code: string, s: string) => string;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The whole report as text (ends with a newline). */
export function formatDiffText(r: DiffReport, opts: TextOptions): string {
  const paint: Paint = opts.color ? (code, s) => `\x1b[${code}m${s}\x1b[0m` : (_c, s) => s;
  const breaking = paint('1;31', 'BREAKING');
  const escalation = paint('1;31', 'ESCALATION');
  const out: string[] = [`ork diff ${r.a.path} (${r.a.kind}) → ${r.b.path} (${r.b.kind})`];
  const section = (title: string, lines: string[]): void => {
    out.push('', paint('1', title), ...(lines.length ? lines : ['  no changes']));
  };
  section('CRD schemas', r.crds.flatMap((c) => crdLines(c, breaking)));
  section('RBAC', rbacLines(r.rbac, escalation));
  section('Reconcilers', r.reconcilers.flatMap((x) => reconcilerLines(x, paint, opts.reconcilerDiffs ?? true)));
  section('Children', r.children.flatMap((c) => [`  ${c.crd}`, ...c.added.map((k) => `    + ${k}`), ...c.removed.map((k) => `    - ${k}`)]));
  const d = r.dependencies;
  section('Dependencies', [
    ...d.added.map((e) => `  + ${e.from} → ${e.to} (${e.condition})`),
    ...d.removed.map((e) => `  - ${e.from} → ${e.to} (${e.condition})`),
    ...d.changed.map((e) => `  ~ ${e.from} → ${e.to}: ${e.before} → ${e.after}`),
  ]);
  const s = r.summary;
  const rec = (['changed', 'added', 'removed'] as const).map((k) => [k, r.reconcilers.filter((x) => x.change === k).length] as const).filter(([, n]) => n > 0);
  const recText = rec.length ? `reconcilers: ${rec.map(([k, n]) => `${n} ${k}`).join(', ')}` : 'no reconciler changed';
  out.push('', s.changed ? `Summary: ${plural(s.breaking, 'breaking change')}, ${plural(s.escalations, 'escalation')}, ${plural(s.reductions, 'reduction')}; ${recText}` : 'Summary: no differences');
  return `${out.join('\n')}\n`;
}

const MARK = { added: '+', removed: '-', changed: '~' } as const;

function crdLines(c: CrdDiff, breaking: string): string[] {
  const tag = (b: boolean): string => (b ? `  ${breaking}` : '');
  const lines = [`  ${MARK[c.change]} ${c.name} (${c.kind}) ${c.change}${c.change === 'removed' ? tag(true) : ''}`];
  for (const n of c.notes) if (c.change !== 'removed') lines.push(`      ${n.detail}${tag(n.breaking)}`);
  for (const v of c.versions) {
    lines.push(`    ${MARK[v.change]} ${v.version}${v.change === 'changed' ? '' : ` ${v.change}`}${v.change === 'removed' ? tag(true) : ''}`);
    for (const n of v.notes) if (v.change !== 'removed') lines.push(`        ${n.detail}${tag(n.breaking)}`);
    for (const f of v.fields) {
      const mark = f.change === 'field-added' ? '+' : f.change === 'field-removed' ? '-' : '~';
      lines.push(`        ${mark} ${f.path}: ${f.detail}${tag(f.breaking)}`);
    }
  }
  return lines;
}

function rbacLines(changes: readonly RbacChange[], escalation: string): string[] {
  const groups = new Map<string, RbacChange[]>();
  for (const c of changes) {
    const key = `${c.roleKind}|${c.namespace ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const lines: string[] = [];
  for (const cs of groups.values()) {
    const first = cs[0]!;
    const roles = [...new Set(cs.flatMap((c) => c.roles))].sort();
    lines.push(`  ${first.roleKind} ${roles.join(', ')}${first.namespace !== undefined ? ` (namespace ${first.namespace})` : ' (cluster-wide)'}`);
    for (const c of cs) {
      const target = `${c.apiGroup || 'core'}/${c.resource}${c.resourceNames.length ? ` [${c.resourceNames.join(', ')}]` : ''}`;
      const verbs = [...c.addedVerbs.map((v) => `+${v}`), ...c.removedVerbs.map((v) => `-${v}`)].join(' ');
      const label = c.escalation ? `  ${escalation}${c.change === 'added' ? ' (new rule)' : ''}` : `  reduction${c.change === 'removed' ? ' (rule removed)' : ''}`;
      lines.push(`    ${MARK[c.change]} ${target}: ${verbs}${label}`);
    }
  }
  return lines;
}

function reconcilerLines(x: ReconcilerDiff, paint: Paint, withDiff: boolean): string[] {
  const head = `  ${MARK[x.change]} ${x.crd} ${x.change}`;
  if (x.change !== 'changed' || !x.diff || !withDiff) return [head];
  const body = x.diff.split('\n').map((l) => `      ${l.startsWith('@@') ? paint('36', l) : l.startsWith('+') ? paint('32', l) : l.startsWith('-') ? paint('31', l) : l}`);
  return [head, ...body];
}
