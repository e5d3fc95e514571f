/**
 * `ork diff <a> <b>`: compares two Katalogs or generated project folders (either side may be
 * either) — CRD schemas (breaking changes), RBAC (escalations), reconcilers, children and
 * dependencies — as grouped text or `--output json`. Exit 0, or 1 when `--fail-on` names a
 * kind of change that is present or when a side is invalid; 2 for usage errors.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { CliError, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from '../exit.ts';
import { diagnosticsJson, printDiagnostics, useColor } from '../output.ts';
import { loadSide, type FailedSide, type LoadedSide } from '../../diff/load-side.ts';
import { compareSnapshots } from '../../diff/compare.ts';
import { formatDiffText } from '../../diff/format-text.ts';
import { FAIL_ON_KINDS, failedKinds, parseFailOn, type FailOnKind } from '../../diff/fail-on.ts';

interface DiffOptions {
  output: 'text' | 'json';
  failOn?: string;
  context: string;
}

function failOnKinds(value: string | undefined): FailOnKind[] {
  if (value === undefined) return [];
  const { kinds, unknown } = parseFailOn(value);
  const hint = `use --fail-on ${FAIL_ON_KINDS.join(',')} (either or both)`;
  if (kinds.length === 0 && unknown.every((u) => u === '')) throw new CliError('--fail-on names no kind of change', EXIT_USAGE, hint);
  if (unknown.length > 0) throw new CliError(`--fail-on ${JSON.stringify(value)}: unknown ${unknown.filter((u) => u !== '').map((u) => `\`${u}\``).join(', ')}`, EXIT_USAGE, hint);
  return kinds;
}

function contextLines(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 1000) throw new CliError(`--context ${JSON.stringify(value)} is not a line count (0–1000)`, EXIT_USAGE);
  return n;
}

function reportFailures(failed: FailedSide[], json: boolean): never | void {
  if (json) {
    const out = { valid: false, errors: failed.map((f) => ({ side: f.info.path, error: f.error, diagnostics: diagnosticsJson(f.diagnostics) })) };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    process.exitCode = EXIT_INVALID;
    return;
  }
  for (const f of failed) printDiagnostics(f.diagnostics.filter((d) => d.severity !== 'note'), f.sources);
  const [first, ...rest] = failed;
  for (const f of rest) process.stderr.write(`ork: ${f.error}\n`);
  throw new CliError(first!.error, EXIT_INVALID, first!.hint);
}

/** Registers `ork diff`. */
export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('compare two Katalogs or generated projects: CRD schemas, RBAC, reconcilers, children')
    .argument('<a>', 'the old side: a Katalog file, a folder with a katalog.yaml, or a generated project folder')
    .argument('<b>', 'the new side (same forms)')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--fail-on <kinds>', `exit 1 when such a change exists: ${FAIL_ON_KINDS.join(',')} (comma list)`)
    .option('-U, --context <lines>', 'context lines of reconciler diffs', '2')
    .addHelpText(
      'after',
      '\nExamples:\n  ork diff examples/diff/katalog.yaml examples/diff/add-child.yaml\n  ork diff generated/web-app examples/web-app/katalog.yaml --output json\n  ork diff old/katalog.yaml katalog.yaml --fail-on breaking,escalation\n\nExit codes: 0 compared (or no --fail-on kind present), 1 a --fail-on kind is present or an input is invalid, 2 usage error.',
    )
    .action((a: string, b: string, opts: DiffOptions) => {
      const kinds = failOnKinds(opts.failOn);
      const context = contextLines(opts.context);
      const sides = [loadSide(a), loadSide(b)];
      const failed = sides.filter((s): s is FailedSide => 'error' in s);
      if (failed.length > 0) return reportFailures(failed, opts.output === 'json');
      const [sa, sb] = sides as [LoadedSide, LoadedSide];
      const report = compareSnapshots(sa, sb, { context });
      const tripped = failedKinds(report.summary, kinds);
      if (opts.output === 'json') {
        process.stdout.write(`${JSON.stringify({ ...report, failOn: kinds, failed: tripped }, null, 2)}\n`);
      } else {
        process.stdout.write(formatDiffText(report, { color: useColor(process.stdout) }));
        if (tripped.length > 0) process.stderr.write(`ork: failing on ${tripped.join(' and ')} changes (--fail-on ${kinds.join(',')})\n`);
      }
      process.exitCode = tripped.length > 0 ? EXIT_INVALID : EXIT_OK;
    });
}
