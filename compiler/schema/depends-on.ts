/**
 * `dependsOn:` of a CRD entry, in Orkestra's three YAML forms (`DependsOnMap`):
 *   list            dependsOn: [database]                      (condition "started")
 *   name: scalar    dependsOn: {database: healthy}
 *   name: object    dependsOn: {database: {condition: healthy}}
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, MapOf } from './scalars.ts';

/** Conditions Orkestra declares; only `started` and `healthy` behave differently at runtime. */
export const DEPENDENCY_CONDITIONS = ['started', 'healthy', 'pending', 'ready', 'degraded', 'deleted'] as const;

const conditionText = 'started (workers running, default) or healthy (running with no consecutive failures).';

export const DependsOnConditionSchema = Obj('Full form of one dependency.', {
  condition: Opt(Type.String({ description: `Dependency condition: ${conditionText}` })),
});

export const DependsOnSchema = Type.Union([
  Type.Array(Type.String(), { description: 'Names of CRDs (keys of spec.crds) this one waits for, condition "started".' }),
  MapOf(
    Type.Union([
      Type.String({ description: `Condition: ${conditionText}` }),
      DependsOnConditionSchema,
    ], { description: 'A condition name or {condition: ...}.' }),
    'CRD name → condition.',
  ),
], { description: 'CRDs that must reach a condition before this CRD starts its workers (list, map of scalars, or map of {condition}).' });
export type RawDependsOn = Static<typeof DependsOnSchema>;
