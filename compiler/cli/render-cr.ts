/**
 * `ork template --cr <file>`: the child manifests (and status fields) the operator would write
 * for one CR, computed offline by the generated reconciler itself (compiler/build/preview.ts).
 */
import { stringify } from 'yaml';
import type { CrdModel, KatalogModel } from '../model/katalog-model.ts';
import { readSource } from '../load/read-source.ts';
import { parseYamlDocuments } from '../load/yaml-document.ts';
import { generate } from '../generate.ts';
import { previewReconcile } from '../build/preview.ts';
import { withOwnership } from '../../runtime-kit/reconcile/ownership.ts';
import type { KubeObjectLike } from '../../runtime-kit/reconcile/desired.ts';
import { CliError, EXIT_INVALID } from './exit.ts';
import { printDiagnostics } from './output.ts';
import { didYouMean } from '../diagnostics/suggest.ts';

/** Renders `crFile` against its CRD of `model` and prints the result. */
export async function renderCr(katalogFile: string, model: KatalogModel, crFile: string, opts: { crd?: string; json: boolean }): Promise<void> {
  const cr = readCr(crFile, EXIT_INVALID);
  const crd = crdForCr(model, cr, opts.crd, EXIT_INVALID);
  const g = generate(katalogFile, '.ork/preview');
  if (!g.files) throw new CliError(`${katalogFile} is invalid`, EXIT_INVALID);
  let desired;
  try {
    desired = await previewReconcile({ files: g.files, crd, cr });
  } catch (err) {
    throw new CliError(`rendering ${cr.kind} ${cr.metadata?.name ?? ''} failed: ${err instanceof Error ? err.message : String(err)}`, EXIT_INVALID, 'this is what the operator would report as a Degraded condition; check the CR values against the templates');
  }
  const fullCr = { ...cr, metadata: { uid: '00000000-0000-0000-0000-000000000000', ...cr.metadata } } as KubeObjectLike;
  // The harness stamps ownership at apply time; show exactly what it would send.
  const children = desired.children.map((c) => withOwnership(c.object, fullCr, c.declaredAt));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ children, gatedOff: desired.gatedOff, statusFields: desired.statusFields }, null, 2)}\n`);
    return;
  }
  const who = `${cr.kind} ${cr.metadata?.namespace ? `${cr.metadata.namespace}/` : ''}${cr.metadata?.name ?? ''}`;
  const lines = [`# Children of ${who} (${crd.at.join('.')}), as the operator would write them.`];
  for (const g2 of desired.gatedOff) lines.push(`# gated off (deleted if this CR owns it): ${g2.kind} ${g2.name}`);
  if (Object.keys(desired.statusFields).length > 0) lines.push(`# status fields: ${JSON.stringify(desired.statusFields)}`);
  process.stdout.write(`${lines.join('\n')}\n${children.map((c) => `---\n${stringify(c, { lineWidth: 0 })}`).join('')}`);
}

/** Reads the first YAML document of `crFile` as a CR, or throws a CliError with `exitCode`. */
export function readCr(crFile: string, exitCode: number): KubeObjectLike {
  return readCrs(crFile, exitCode)[0]!;
}

/** Reads every YAML document of `crFile` (at least one) as a CR, or throws a CliError with `exitCode`. */
export function readCrs(crFile: string, exitCode: number): KubeObjectLike[] {
  const src = readSource(crFile, 'CR file');
  if ('code' in src) {
    printDiagnostics([src], new Map());
    throw new CliError(`cannot read ${crFile}`, exitCode, 'pass the path of a CR manifest (YAML), e.g. the Katalog\'s crFiles entry');
  }
  const parsed = parseYamlDocuments(src);
  const values = parsed.documents.map((d) => d.value as unknown).filter((v) => v !== null && v !== undefined);
  if (parsed.diagnostics.length > 0 || values.length === 0 || values.some((v) => typeof v !== 'object' || Array.isArray(v))) {
    printDiagnostics(parsed.diagnostics, new Map([[crFile, src.text]]));
    throw new CliError(`${crFile} is not a YAML object (or a stream of them)`, exitCode, 'pass one CR, e.g. the Katalog\'s crFiles entry');
  }
  return values.map((v) => JSON.parse(JSON.stringify(v)) as KubeObjectLike);
}

/** The enabled CRD of `model` named `crdName`, else the one serving the CR's apiVersion and kind; a CliError otherwise. */
export function crdForCr(model: KatalogModel, cr: KubeObjectLike, crdName: string | undefined, exitCode: number): CrdModel {
  const enabled = model.crds.filter((c) => c.enabled && c.api);
  const crd = crdName !== undefined
    ? enabled.find((c) => c.name === crdName)
    : enabled.find((c) => c.api && c.api.kind === cr.kind && `${c.api.group ? `${c.api.group}/` : ''}${c.api.version}` === cr.apiVersion);
  if (!crd) {
    const names = enabled.map((c) => `${c.name} (${c.api?.kind})`);
    throw new CliError(
      crdName !== undefined ? `no enabled CRD \`${crdName}\`` : `no CRD of the Katalog serves ${cr.apiVersion} ${cr.kind}`,
      exitCode,
      (crdName !== undefined ? didYouMean(crdName, enabled.map((c) => c.name)) : undefined) ?? `CRDs: ${names.join(', ')}`,
    );
  }
  return crd;
}
