/** `--fail-on breaking,escalation`: which kinds of change make `ork diff` exit 1. */
import type { DiffSummary } from './report.ts';

/** The kinds `--fail-on` accepts. */
export const FAIL_ON_KINDS = ['breaking', 'escalation'] as const;
export type FailOnKind = (typeof FAIL_ON_KINDS)[number];

/** Parses a comma list; returns the unknown entries separately (a usage error for the CLI). */
export function parseFailOn(value: string): { kinds: FailOnKind[]; unknown: string[] } {
  const items = value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const kinds = [...new Set(items.filter((s): s is FailOnKind => (FAIL_ON_KINDS as readonly string[]).includes(s)))];
  const unknown = items.filter((s) => !(FAIL_ON_KINDS as readonly string[]).includes(s));
  return { kinds, unknown: items.length === 0 ? [''] : unknown };
}

/** The `--fail-on` kinds the summary trips, in FAIL_ON_KINDS order. */
export function failedKinds(summary: DiffSummary, kinds: readonly FailOnKind[]): FailOnKind[] {
  return FAIL_ON_KINDS.filter((k) => kinds.includes(k) && (k === 'breaking' ? summary.breaking > 0 : summary.escalations > 0));
}
