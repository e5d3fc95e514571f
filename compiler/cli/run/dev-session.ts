/**
 * The developer-mode operator behind `ork run` and `ork up`: build the Katalog's operator into
 * a directory of its own (several sessions may run at once), install its CRDs and namespace,
 * run it as a child process, apply the sample CRs — and, in watch mode, keep doing so as the
 * Katalog changes:
 *
 * - a saved edit of the Katalog or a file it references (`crdFile`, `crFiles`) is re-validated
 *   through the same checks as every cluster-bound command;
 * - invalid: the diagnostics are printed and the running operator keeps running;
 * - valid and the Katalog or a CRD file changed: regenerate and rebuild, re-install the CRDs,
 *   stop the old operator gracefully (SIGTERM: reconciles drain, the Lease is released), start
 *   the new one;
 * - only a sample CR or a `setup` file changed: apply it again (`setup` files — the list form —
 *   are applied before the operator starts, sample CRs after it; each whenever its text changed).
 *
 * SIGINT/SIGTERM stop the operator gracefully and end the session with exit code 0 (or the
 * operator's non-zero exit code when it failed to stop cleanly).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { validateKatalog, type Validation } from '../../validate.ts';
import type { KatalogModel } from '../../model/katalog-model.ts';
import { buildOperator } from '../commands/build.ts';
import { CliError, EXIT_INVALID } from '../exit.ts';
import { printDiagnostics } from '../output.ts';
import { applyFiles, installOperatorPrerequisites, startOperatorChild, type ClusterTarget, type OperatorChild } from '../dev-operator.ts';
import { setupFiles, snapshotOf, type KatalogSnapshot } from './katalog-snapshot.ts';
import { watchFiles, type FileWatch } from './watch-files.ts';

/** What a session runs. */
export interface DevSessionOptions {
  readonly katalog: string;
  readonly cluster: ClusterTarget;
  /** The operator's HTTP port (undefined: ORK_PORT or 8080; 0: any free port). */
  readonly port?: number;
  /** Rebuild and restart on Katalog edits (default true). */
  readonly watch: boolean;
  readonly log: (line: string) => void;
  /** An extra line for the "try, in another terminal" hints (e.g. how to stop the plane). */
  readonly farewell?: string;
}

interface Build {
  readonly dir: string;
  readonly bundle: string;
}

/** Validates the Katalog; prints the diagnostics and throws a CliError ("nothing started") when it is invalid. */
export function validateOrThrow(katalog: string): Validation & { model: KatalogModel } {
  const v = validateKatalog(katalog);
  if (!v.model) {
    printDiagnostics(v.diagnostics, v.sources);
    throw new CliError(`${katalog} is invalid; nothing started`, EXIT_INVALID, `fix the errors above (\`ork validate ${katalog}\`)`);
  }
  return { ...v, model: v.model };
}

/** Runs the session until a signal (or, without watch, until the operator exits); resolves with the exit code. */
export async function runDevSession(opts: DevSessionOptions): Promise<number> {
  const { katalog, cluster, log } = opts;
  const first = validateOrThrow(katalog);
  let model: KatalogModel = first.model;
  let current: KatalogSnapshot = snapshotOf(katalog, first);
  const root = await mkdtemp(path.join(os.tmpdir(), `ork-run-${model.name}-`));
  let generation = 0;
  const build = async (): Promise<Build> => {
    const t0 = Date.now();
    const dir = path.join(root, String(++generation));
    const b = await buildOperator(katalog, dir);
    log(`built ${b.outfile} (${(b.bytes / 1024).toFixed(0)} KiB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { dir: b.projectDir, bundle: b.outfile };
  };


  // Files the loop applies, with the text last applied: applied again only when it changes.
  const applied = new Map<string, string>();
  const changedFiles = (files: ReadonlyMap<string, string>): [string, string][] => [...files].filter(([f, text]) => applied.get(f) !== text);
  const applyChanged = async (files: ReadonlyMap<string, string>, what: string): Promise<void> => {
    const changed = changedFiles(files);
    await applyFiles(cluster, changed.map(([f]) => f), what, log);
    for (const [f, text] of changed) applied.set(f, text);
  };
  const applySetup = async (m: KatalogModel, snap: KatalogSnapshot): Promise<void> => {
    const { blocks } = setupFiles(katalog, m);
    if (blocks > 0) log(`setup: the block form (${blocks} CRD entr${blocks === 1 ? 'y' : 'ies'}) is not applied by ork's developer loop, only a list of files; apply those resources yourself`);
    await applyChanged(snap.setupFiles, 'setup file');
  };

  let stopping = false;
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const replaced = new WeakSet<OperatorChild>();
  let child: OperatorChild | undefined;
  let built: Build | undefined;
  const start = (b: Build): OperatorChild => {
    const c = startOperatorChild({ bundle: b.bundle, kubeconfig: cluster.kubeconfig, namespace: model.namespace, ...(opts.port !== undefined ? { port: opts.port } : {}) });
    log(`operator started (pid ${c.pid ?? '?'})`);
    void c.exited.then((code) => {
      if (stopping || replaced.has(c)) return;
      log(`the operator exited with code ${code}${opts.watch ? `; waiting for an edit of ${katalog} (Ctrl-C quits)` : ''}`);
      if (!opts.watch) finish(code);
    });
    return c;
  };

  // The first start: build, install, setup, run, sample CRs. A signal meanwhile ends it early.
  const startUp = async (): Promise<void> => {
    log(`building the ${model.name} operator`);
    const b = await build();
    built = b;
    await installOperatorPrerequisites(cluster, b.dir, model.namespace, log);
    await applySetup(model, current);
    if (stopping) return;
    printHints(opts, model);
    child = start(b);
    await applyChanged(current.crFiles, 'sample CR');
  };

  const reload = async (): Promise<void> => {
    const v = validateKatalog(katalog);
    const next = snapshotOf(katalog, v);
    watcher?.setFiles(next.files);
    if (!v.model) {
      printDiagnostics(v.diagnostics.filter((d) => d.severity !== 'note'), v.sources);
      const n = v.diagnostics.filter((d) => d.severity === 'error').length;
      log(`${katalog} is invalid (${n} error${n === 1 ? '' : 's'}): the running operator keeps running; fix it and save again`);
      return;
    }
    const running = child?.isRunning() ?? false;
    if (next.buildKey === current.buildKey && running) {
      if (changedFiles(next.setupFiles).length + changedFiles(next.crFiles).length === 0) log(`${katalog} is valid and builds the running operator: nothing to restart`);
      await applyChanged(next.setupFiles, 'setup file');
      await applyChanged(next.crFiles, 'sample CR');
      current = next;
      return;
    }
    const t0 = Date.now();
    log(`${katalog} changed: regenerating`);
    let b: Build;
    try {
      b = await build();
      if (stopping) return;
      await installOperatorPrerequisites(cluster, b.dir, v.model.namespace, log);
      await applySetup(v.model, next);
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      log(`${err.message}${err.hint ? ` (${err.hint})` : ''}; the running operator keeps running`);
      return;
    }
    if (stopping) return;
    const old = child;
    const oldDir = built?.dir;
    if (old) {
      replaced.add(old);
      log(`stopping the old operator (pid ${old.pid ?? '?'})`);
      const code = await old.stop();
      if (code !== 0 && running) log(`the old operator exited with code ${code}`);
    }
    if (stopping) return;
    model = v.model;
    built = b;
    child = start(b);
    current = next;
    log(`restarted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (oldDir !== undefined) await rm(oldDir, { recursive: true, force: true });
    await applyChanged(next.crFiles, 'sample CR');
  };

  let reloading: Promise<void> | undefined;
  let again = false;
  const trigger = (): void => {
    if (stopping) return;
    if (reloading) {
      again = true;
      return;
    }
    reloading = reload()
      .catch((err: unknown) => log(`reload failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        reloading = undefined;
        if (again) {
          again = false;
          trigger();
        }
      });
  };
  let watcher: FileWatch | undefined;
  let starting: Promise<void> | undefined;
  // Handlers first: a Ctrl-C while the first build runs must not leave an operator behind.
  const onSignal = (): void => {
    if (stopping) return;
    stopping = true;
    log('stopping the operator');
    void (async () => {
      watcher?.close();
      await starting?.catch(() => {});
      await reloading;
      finish(child ? await child.stop() : 0);
    })();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    starting = startUp();
    await starting;
    if (opts.watch && !stopping) {
      watcher = watchFiles(current.files, trigger);
      log(`watching ${current.files.map((f) => path.relative(process.cwd(), f) || f).join(', ')} (Ctrl-C stops)`);
    }
    return await finished;
  } catch (err) {
    await child?.stop();
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    watcher?.close();
    await rm(root, { recursive: true, force: true });
  }
}

function printHints(opts: DevSessionOptions, model: KatalogModel): void {
  const { kubectl, kubeconfig } = opts.cluster;
  const kinds = model.crds.filter((c) => c.enabled && c.api).map((c) => c.api!.plural).join(',');
  const port = opts.port ?? process.env['ORK_PORT'] ?? '8080';
  opts.log(
    [
      '',
      `kubeconfig: ${kubeconfig}`,
      'try, in another terminal:',
      `  ${kubectl} --kubeconfig ${kubeconfig} get ${kinds} -A`,
      `  ${kubectl} --kubeconfig ${kubeconfig} get deployments,services,configmaps -A -l orkestra.orkspace.io/managed=true`,
      String(port) === '0' ? '  (the operator picks a free HTTP port: see its "operator starting" log line)' : `  curl -s localhost:${port}/katalog`,
      ...(opts.farewell ? [opts.farewell] : []),
      '',
    ].join('\n'),
  );
}
