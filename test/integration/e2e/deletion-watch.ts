/**
 * Records the order in which objects of a namespace are deleted: one watch per kind, each
 * DELETED event with the resourceVersion of the deletion. The API server takes it from etcd's one
 * global revision counter, so sorting by it gives the true order however close together the
 * deletions happened (see also cli/simulate-matches-operator.test.ts).
 */
import { Watch } from '@kubernetes/client-node';
import { kubeConfig } from '../../helpers/control-plane.ts';
import { kubectl } from '../../helpers/kubectl.ts';

/** One deletion seen: `Kind namespace/name` and the etcd revision of the delete. */
export interface Deletion {
  readonly what: string;
  readonly rv: number;
}

/** A running recorder. */
export interface DeletionWatch {
  readonly deleted: Deletion[];
  /** `what` of the deletions among `of`, in etcd revision order. */
  order(of: readonly string[]): string[];
  stop(): void;
}

/** The collection path of `kind` (apiVersion `v1` or `group/version`) in `ns`, found through discovery. */
function collectionPath(apiVersion: string, kind: string, ns: string): string {
  const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  const list = JSON.parse(kubectl(['get', '--raw', base])) as { resources: Array<{ name: string; kind: string }> };
  const r = list.resources.find((x) => x.kind === kind && !x.name.includes('/'));
  if (!r) throw new Error(`discovery of ${base} has no resource of kind ${kind}`);
  return `${base}/namespaces/${ns}/${r.name}`;
}

/** Starts watching deletions of the given kinds in `ns`; resolves once every watch is open. */
export async function watchDeletions(ns: string, kinds: ReadonlyArray<{ apiVersion: string; kind: string }>): Promise<DeletionWatch> {
  const deleted: Deletion[] = [];
  const unique = [...new Map(kinds.map((k) => [`${k.apiVersion}|${k.kind}`, k])).values()];
  const kc = kubeConfig();
  const watches = await Promise.all(
    unique.map(({ apiVersion, kind }) =>
      new Watch(kc).watch(collectionPath(apiVersion, kind, ns), {}, (type: string, o: { metadata: { name: string; namespace: string; resourceVersion: string } }) => {
        if (type === 'DELETED') deleted.push({ what: `${kind} ${o.metadata.namespace}/${o.metadata.name}`, rv: Number(o.metadata.resourceVersion) });
      }, () => undefined),
    ),
  );
  return {
    deleted,
    order: (of) => [...deleted].sort((a, b) => a.rv - b.rv).map((d) => d.what).filter((w) => of.includes(w)),
    stop: () => watches.forEach((w) => w.abort()),
  };
}
