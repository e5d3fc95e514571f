/**
 * The normalized Katalog model: what every phase after the loader sees (checks, RBAC,
 * template compilation, emitters, diff). Layouts, spellings and dependsOn forms end at the
 * loader: here there is one place for the reconciler settings, one list of hook blocks, one
 * status block, one list of validation rules. Each part keeps `at`, its path in the Katalog
 * document, so later phases can still point at the line a user wrote. Raw parts (as written,
 * schema-typed) are carried where no normalization is needed.
 */
import type { DocPath } from '../load/yaml-document.ts';
import type { CrdDocument } from '../load/crd-file-schema.ts';
import type { ChildListKey } from '../schema/child-kinds.ts';
import type { RawCrdEntry, RawHookTemplates, RawKatalog, RawOperatorBox, RawReconciler, RawStatus } from '../schema/index.ts';

/** A Katalog after loading and normalization. */
export interface KatalogModel {
  /** Path of the Katalog file as the user named it. */
  readonly file: string;
  /** `metadata.name`. */
  readonly name: string;
  /** `metadata.namespace` or `default`: where the operator's Lease and Events live. */
  readonly namespace: string;
  readonly version: string | undefined;
  readonly description: string | undefined;
  /** `spec.finalizers` (Katalog-wide default finalizers). */
  readonly finalizers: readonly string[];
  /** CRD entries in document order, enabled and disabled. */
  readonly crds: readonly CrdModel[];
  /** `gateway.endpoint`: enables the `/notify` client. */
  readonly gatewayEndpoint: string | undefined;
  /** User template functions (`notes:`), in document order. */
  readonly notes: readonly NoteModel[];
  /** The document as written (schema-typed). */
  readonly raw: RawKatalog;
}

/** A user note: a named template callable as a no-argument function. */
export interface NoteModel {
  readonly name: string;
  readonly expression: string;
  readonly at: DocPath;
}

/** The API identity of a CRD entry, after `crdFile` and built-in enrichment. */
export interface ApiTypesModel {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  /** `/apis` for grouped types, `/api` for the core group. */
  readonly apiPath: string;
  readonly namespaced: boolean;
  /** True for Kubernetes built-in kinds (ConfigMap, Pod, ...) enriched from ork's table. */
  readonly builtIn: boolean;
  /** Where the identity was written (`apiTypes`, or `crdFile` when it came from there). */
  readonly at: DocPath;
}

/** One dependency of a CRD entry, whatever form it was written in. */
export interface DependencyModel {
  readonly name: string;
  /** `started` (default) or `healthy` (other Orkestra conditions behave as `started`). */
  readonly condition: string;
  readonly at: DocPath;
}

/** One CRD entry (`spec.crds.<name>`). */
export interface CrdModel {
  /** The map key: lowercase RFC 1123. */
  readonly name: string;
  readonly at: DocPath;
  readonly enabled: boolean;
  readonly api: ApiTypesModel | undefined;
  /** The CRD read from `crdFile`, when one is named. */
  readonly crd: CrdDocument | undefined;
  readonly dependsOn: readonly DependencyModel[];
  readonly box: BoxModel;
  readonly raw: RawCrdEntry;
}

/** The operator box of a CRD entry with both layouts folded together. */
export interface BoxModel {
  readonly at: DocPath;
  /** `operatorBox.reconciler` or `operatorBox.reconcile` (the hook lists of the latter excluded). */
  readonly reconciler: { readonly raw: RawReconciler; readonly at: DocPath; readonly spelling: 'reconciler' | 'reconcile' } | undefined;
  /** onCreate / onReconcile / onDelete blocks from either layout, in that order. */
  readonly hooks: readonly HookBlockModel[];
  /** `operatorBox.status` or `operatorBox.emit.status`. */
  readonly status: { readonly raw: RawStatus; readonly at: DocPath } | undefined;
  /** Effective finalizers: the box's, else the Katalog's `spec.finalizers`. */
  readonly finalizers: readonly string[];
  readonly raw: RawOperatorBox;
}

/** The lifecycle event a hook block belongs to. */
export type HookPhase = 'onCreate' | 'onReconcile' | 'onDelete';

/** One hook block (or one ordered-deletion stage of it). */
export interface HookBlockModel {
  readonly phase: HookPhase;
  readonly at: DocPath;
  readonly resources: readonly ResourceDeclModel[];
  /** Ordered-deletion stages (`groups`), each a block of the same phase. */
  readonly groups: readonly HookBlockModel[];
  readonly raw: RawHookTemplates;
}

/** One child declaration: an entry of a resource list such as `deployments[0]`. */
export interface ResourceDeclModel {
  readonly listKey: ChildListKey;
  readonly index: number;
  readonly at: DocPath;
  /** The entry as written (its shape depends on `listKey`). */
  readonly raw: Readonly<Record<string, unknown>>;
}
