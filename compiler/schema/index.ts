/**
 * The strict schema of the raw Katalog (as written, before normalization): the single source of
 * truth for the TypeScript types (`Raw*`) and for runtime validation (ajv over `KatalogSchema`).
 * Every object is closed, so unknown keys are rejected at every depth.
 */
export { KatalogSchema, KatalogSpecSchema, type RawKatalog, type RawKatalogSpec } from './katalog.ts';
export { MetadataSchema, LifecycleSchema, PolicySchema, type RawMetadata, type RawLifecycle, type RawPolicy } from './metadata.ts';
export { CrdEntrySchema, EndpointsSchema, type RawCrdEntry } from './crd-entry.ts';
export { ApiTypesSchema, type RawApiTypes } from './api-types.ts';
export { DependsOnSchema, DependsOnConditionSchema, DEPENDENCY_CONDITIONS, type RawDependsOn } from './depends-on.ts';
export { OperatorBoxSchema, EmitSchema, RuntimeBlockSchema, type RawOperatorBox } from './operator-box.ts';
export {
  ReconcilerSchema, ReconcileSchema, HookDeclarationSchema, ConstructorDeclarationSchema,
  type RawReconciler, type RawReconcile,
} from './reconciler.ts';
export { QueueSchema, QueueBehaviourSchema, RetryBackoffSchema, RequeueSchema, type RawQueue, type RawRetryBackoff, type RawRequeue } from './queue.ts';
export { PreReconcileSchema, GateSchema, KNOWN_SENTINELS, type RawPreReconcile, type RawGate } from './pre-reconcile.ts';
export { HookTemplatesSchema, HookStageSchema, PLACEHOLDER_LIST_KEYS, type RawHookTemplates, type PlaceholderListKey } from './hook-templates.ts';
export { StatusSchema, StatusFieldSchema, STATUS_FIELD_TYPES, type RawStatus, type RawStatusField } from './status.ts';
export {
  ConditionSchema, ConditionList, gateKeys, CONDITION_OPERATORS, CONDITION_SHORTHANDS,
  type RawCondition,
} from './conditions.ts';
export { ExternalCallSchema, FiresSchema, type RawExternalCall } from './external.ts';
export { ManagedResourceSchema } from './managed-resource.ts';
export { SecretRefSchema } from './secret-ref.ts';
export { CrossSchema, CrossListSchema, type RawCross } from './cross.ts';
export { ObserveSchema, WatchEntrySchema, EventEntrySchema, KeyFromSchema, type RawObserve, type RawWatchEntry, type RawEventEntry } from './observe.ts';
export { GitHookSchema, DockerHookSchema, type RawGitHook, type RawDockerHook } from './build-hooks.ts';
export { AutoscaleSchema, type RawAutoscale } from './autoscale.ts';
export { RollbackSchema, type RawRollback } from './rollback.ts';
export { ForEachSchema } from './resource-common.ts';
export {
  ValidationSchema, ValidationRuleSchema, MutationSchema, MutationRuleSchema, AdmissionSchema, AdmissionWebhooksSchema,
  type RawValidation, type RawValidationRule, type RawMutation, type RawMutationRule, type RawAdmission,
} from './admission.ts';
export {
  SetupSchema, EnrichSchema, EnrichTargetSchema, ConversionSchema, NormalizeSchema, DeletionProtectionOverrideSchema,
  MotifImportSchema, SourceAuthSchema, type RawMotifImport,
} from './crd-extras.ts';
export { ServeSchema, ServeFieldSchema, type RawServe } from './serve.ts';
export { KatalogImportsSchema, type RawKatalogImports } from './sources.ts';
export { SecuritySchema, type RawSecurity } from './security.ts';
export { GatewaySchema, GatewayClustersSchema, type RawGateway } from './gateway.ts';
export { NotificationSchema, NotificationTeamSchema, type RawNotification } from './notification.ts';
export { NotesSchema, NoteSchema, type RawNotes } from './notes.ts';
export { PublishSchema, type RawPublish } from './publish.ts';
export { ProvidersSchema, ProviderRequirementSchema, type RawProviderRequirement } from './providers.ts';
export { ProfilesSchema, type RawProfiles } from './profiles.ts';
export {
  EnvVarSchema, EnvListSchema, EnvFromSchema, ResourcesSchema, ProbesSchema, ContainerSecuritySchema, PodSecuritySchema,
  CapabilitiesSchema, RollingUpdateSchema, VolumeSchema, VolumeMountSchema, WorkloadAutoscaleSchema,
} from './workload.ts';
export * from './resources/index.ts';
export { CHILD_KINDS, CHILD_LIST_KEYS, childKind, type ChildKind, type ChildListKey } from './child-kinds.ts';
export { BUILTIN_KINDS, builtinKind, type BuiltinKind } from './builtin-kinds.ts';
export { GoString, Obj, MapOf } from './scalars.ts';
export { KATALOG_AJV_OPTIONS } from './ajv-options.ts';
export { DEFINITIONS, withDefinitions } from './definitions.ts';
export { katalogJsonSchemaText } from './json-schema.ts';
export { KEY_SUPPORT, keySupport, type KeySupport, type SupportStatus } from './support.ts';
export { isDeclaredKey } from './schema-walk.ts';
