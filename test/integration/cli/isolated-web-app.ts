/**
 * A copy of examples/web-app in a scratch folder, made unique so that tests sharing the run's
 * control plane never meet: its own API group (so its operator reconciles only its own CRs),
 * Katalog name (so its own Lease) and operator namespace; its sample CR lives in `crNamespace`.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/run-ork.ts';
import { uniqueSuffix } from '../../helpers/control-plane.ts';

/** The copy and the names it got. */
export interface IsolatedWebApp {
  readonly dir: string;
  readonly katalog: string;
  /** The Katalog name (its Lease is `<name>-leader`). */
  readonly name: string;
  /** The operator's namespace (its Lease and Events). */
  readonly operatorNamespace: string;
  readonly group: string;
  /** `webapps.<group>` */
  readonly resource: string;
}

/** Writes katalog.yaml, crd.yaml and cr.yaml of examples/web-app under a new temp folder. */
export async function isolatedWebApp(prefix: string, crNamespace: string): Promise<IsolatedWebApp> {
  const suffix = uniqueSuffix();
  const name = `${prefix}-${suffix}`;
  const group = `${prefix}-${suffix}.ork.dev`;
  const dir = await mkdtemp(path.join(os.tmpdir(), `ork-${prefix}-`));
  const rewrite = (text: string): string =>
    text
      .replaceAll('demo.ork.dev', group)
      .replace(/^  name: web-app$/m, `  name: ${name}`)
      .replace(/^  namespace: web-system$/m, `  namespace: ${name}-system`)
      .replace(/^  namespace: default$/m, `  namespace: ${crNamespace}`);
  for (const f of ['katalog.yaml', 'crd.yaml', 'cr.yaml']) {
    await writeFile(path.join(dir, f), rewrite(await readFile(path.join(REPO_ROOT, 'examples', 'web-app', f), 'utf8')));
  }
  return { dir, katalog: path.join(dir, 'katalog.yaml'), name, operatorNamespace: `${name}-system`, group, resource: `webapps.${group}` };
}
