/**
 * Installs CustomResourceDefinitions from YAML files with server-side apply (field manager
 * `ork`) and waits until each is Established.
 */
import { readFile } from 'node:fs/promises';
import { ApiextensionsV1Api, ApiException, KubeConfig, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { PlaneError } from './plane-error.ts';
import type { PlaneLogger } from './run-script.ts';

/** Reads the CRDs in `file` (one or more YAML documents); anything that is not a CRD is an error. */
export async function readCrds(file: string): Promise<KubernetesObject[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new PlaneError(`cannot read CRD file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'pass an existing file to --crd');
  }
  const crds: KubernetesObject[] = [];
  for (const [i, doc] of parseAllDocuments(text).entries()) {
    if (doc.errors.length > 0) throw new PlaneError(`${file}: document ${i + 1} is not valid YAML: ${doc.errors[0]?.message ?? ''}`);
    const obj = doc.toJS() as KubernetesObject | null;
    if (obj === null || obj === undefined) continue;
    if (obj.kind !== 'CustomResourceDefinition' || obj.apiVersion !== 'apiextensions.k8s.io/v1' || !obj.metadata?.name) {
      throw new PlaneError(`${file}: document ${i + 1} is a ${obj.kind ?? 'document without kind'}, not an apiextensions.k8s.io/v1 CustomResourceDefinition with a name`);
    }
    crds.push(obj);
  }
  return crds;
}

/** Applies every CRD of `files` to the cluster of `kubeconfig`; resolves with their names once all are Established. */
export async function installCrds(kubeconfig: string, files: readonly string[], opts: { log?: PlaneLogger; timeoutMs?: number } = {}): Promise<string[]> {
  const crds = (await Promise.all(files.map(readCrds))).flat();
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(kubeconfig);
  } catch (err) {
    throw new PlaneError(`cannot load kubeconfig ${kubeconfig}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const objects = KubernetesObjectApi.makeApiClient(kc);
  const ext = kc.makeApiClient(ApiextensionsV1Api);
  const names: string[] = [];
  for (const crd of crds) {
    const name = crd.metadata?.name ?? '';
    await objects.patch(crd, undefined, undefined, 'ork', true, PatchStrategy.ServerSideApply).catch((err: unknown) => {
      throw apiError(`applying CRD ${name}`, err, kc);
    });
    names.push(name);
  }
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (const name of names) {
    for (;;) {
      const crd = await ext.readCustomResourceDefinition({ name }).catch((err: unknown) => {
        throw apiError(`reading CRD ${name}`, err, kc);
      });
      if (crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) break;
      if (Date.now() > deadline) throw new PlaneError(`CRD ${name} was not Established in time`, `check it with kubectl get crd ${name} -o yaml`);
      await new Promise((r) => setTimeout(r, 100));
    }
    opts.log?.(`CRD ${name} established`);
  }
  return names;
}

function apiError(what: string, err: unknown, kc: KubeConfig): PlaneError {
  if (err instanceof ApiException) {
    const body = typeof err.body === 'string' ? err.body : JSON.stringify(err.body);
    const message = (() => {
      try {
        return (JSON.parse(body) as { message?: string }).message ?? body;
      } catch {
        return body;
      }
    })();
    return new PlaneError(`${what}: the API server answered ${err.code}: ${message}`);
  }
  const msg = err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : String(err);
  return new PlaneError(`${what}: cannot reach ${kc.getCurrentCluster()?.server ?? 'the cluster'}: ${msg}`, 'is the cluster of the kubeconfig running? (`ork plane status`)');
}
