/**
 * The generated operator's own `spec` (kinds, reconcile functions, finalizers, settings),
 * loaded from its generated `src/main.ts` bundled exactly as for the operator — with the
 * kit's `main` stubbed so nothing connects to a cluster. Simulate then runs what the
 * operator would run, not a re-derivation of it.
 */
import type { OperatorSpec } from '../../runtime-kit/operator/spec.ts';
import { importGenerated } from '../build/preview.ts';

/** The OperatorSpec exported by the generated project `files`. */
export async function loadOperatorSpec(files: ReadonlyMap<string, string>): Promise<OperatorSpec> {
  const mod = await importGenerated(files, 'src/main.ts', { '@ork/runtime-kit/operator': 'export async function main() {}' });
  const spec = mod['spec'] as OperatorSpec | undefined;
  if (!spec || !Array.isArray(spec.crds)) throw new Error('the generated src/main.ts exports no operator spec');
  return spec;
}
