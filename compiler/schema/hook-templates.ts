/**
 * `onCreate` / `onReconcile` / `onDelete` blocks (Orkestra `types_hook_templates.go`
 * `HookTemplates`): one list per child resource type, plus block-level gating, ordered deletion
 * stages, and hook kinds ork refuses (`external`, `git`, `docker`).
 */
import { Type, type Static, type TArray, type TOptional, type TObject, type TUnsafe } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, Duration } from './scalars.ts';
import { gateKeys } from './conditions.ts';
import { ExternalCallList } from './external.ts';
import { GitHookSchema, DockerHookSchema } from './build-hooks.ts';
import { CHILD_LIST_KEYS, childKind, type ChildListKey } from './child-kinds.ts';
import { RESOURCE_ENTRY_SCHEMAS } from './resources/index.ts';
import { Def, Ref } from './definitions.ts';

/** Keys Orkestra parses but wires to nothing: each entry must be an empty mapping. */
export const PLACEHOLDER_LIST_KEYS = [
  'volumes', 'volumeMounts', 'serviceMonitors', 'podSecurityPolicies', 'priorityClasses',
  'runtimeClasses', 'priorityLevelConfigurations', 'podTemplates', 'daemonSets',
  'storageClasses', 'storageLocations', 'storagePools', 'storageBackups', 'storageSnapshots', 'storageVolumes',
] as const;
export type PlaceholderListKey = (typeof PLACEHOLDER_LIST_KEYS)[number];

type EntrySchemas = typeof RESOURCE_ENTRY_SCHEMAS;
type ResourceLists = { [K in ChildListKey]: TOptional<TArray<TUnsafe<Static<EntrySchemas[K]>>>> };
type PlaceholderLists = { [K in PlaceholderListKey]: TOptional<TArray<TObject<{}>>> };

function resourceLists(): ResourceLists {
  const lists: Record<string, unknown> = {};
  for (const key of CHILD_LIST_KEYS) {
    const kind = key === 'custom' ? 'custom (any apiVersion/kind)' : childKind(key).kind;
    lists[key] = Opt(Type.Array(Ref(RESOURCE_ENTRY_SCHEMAS[key]), { description: `${kind} children of the CR.` }));
  }
  return lists as ResourceLists;
}

function placeholderLists(): PlaceholderLists {
  const lists: Record<string, unknown> = {};
  for (const key of PLACEHOLDER_LIST_KEYS) {
    lists[key] = Opt(Type.Array(Obj('Placeholder entry (Orkestra parses it and does nothing).', {}), {
      description: `Placeholder list: Orkestra accepts only empty entries here and manages nothing.`,
    }));
  }
  return lists as PlaceholderLists;
}

/** Every key of a hook block except ordered-deletion staging. */
function blockKeys() {
  return {
    ...resourceLists(),
    ...gateKeys('this block to run'),
    name: Opt(Str('Block name, used in logs/events; unique among ordered-deletion groups.')),
    ordered: Opt(Bool('onDelete: delete stage by stage, waiting until each is gone (default false).')),
    timeout: Opt(Duration('onDelete ordered: wait per stage, default 5m')),
    external: Opt(ExternalCallList('HTTP calls made before the block (not supported by ork).')),
    git: Opt(GitHookSchema),
    docker: Opt(DockerHookSchema),
    ...placeholderLists(),
  };
}

/** One ordered-deletion stage: a hook block without nested groups. */
export const HookStageSchema = Def('HookStage', Obj('One ordered-deletion stage: its resources are deleted together and awaited.', blockKeys()));

export const HookTemplatesSchema = Def('HookTemplates', Obj('Child resources to manage at a lifecycle event (onCreate = create if absent; onReconcile = server-side apply every reconcile; onDelete = cleanup before the finalizer is removed).', {
  ...blockKeys(),
  groups: Opt(Type.Array(Ref(HookStageSchema), { description: 'onDelete ordered: stages deleted in order (omit to treat the block as one stage).' })),
}));
export type RawHookTemplates = Static<typeof HookTemplatesSchema>;
