/**
 * Smaller CRD-entry blocks: setup, enrich, conversion, normalize, deletion protection, Motif
 * imports. Development-only or Gateway-side blocks are validated for shape and ignored by ork's
 * operator.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, StrList, StringMap, AnyMap, MapOf } from './scalars.ts';
import { gateKeys } from './conditions.ts';

/** Authentication of a remote source (values come from environment variables). */
export const SourceAuthSchema = Obj('Credentials for a remote source, read from environment variables.', {
  type: Str('bearer, github or basic.'),
  fromEnv: Opt(Str('Variable holding the token (bearer, github).')),
  usernameFromEnv: Opt(Str('Variable holding the username (basic).')),
  passwordFromEnv: Opt(Str('Variable holding the password (basic).')),
});

export const SetupSchema = Type.Union([
  StrList('Shorthand: files applied before start (development runs only).'),
  AnyMap('Prerequisite resources applied before start (development runs only; shape not enforced).'),
], { description: 'Prerequisites applied before the operator starts in development runs: a list of files or a setup block.' });

const EnrichConditions = Obj('Enrich only when these conditions pass.', gateKeys('the enrichment'));

export const EnrichTargetSchema = Type.Union([
  Type.String({ description: 'Target name, e.g. pods, events, replicasets, pvcs (always enriched).' }),
  MapOf(EnrichConditions, 'Conditional form: {<target>: {when, or}} (exactly one key).'),
], { description: 'One enrichment target: a name, or {name: {when/or}}.' });

export const EnrichSchema = Type.Array(EnrichTargetSchema, { description: 'Secondary data fetched into .children.* before templates run (exclusive with enrichAll).' });

export const ConversionSchema = Obj('Multi-version conversion webhook rules (Gateway).', {
  storageVersion: Opt(Str('Version objects are stored as.')),
  paths: Opt(Type.Array(Obj('One (from, to) conversion.', {
    from: Str('Source version, e.g. v1alpha1.'),
    to: Str('Target version, e.g. v1.'),
    spec: AnyMap('Output spec in the target version (templates over the source object).'),
  }), { description: 'Conversion paths.' })),
  include: Opt(Str('Path of a YAML file whose paths: list is prepended.')),
});

export const NormalizeSchema = Obj('Rewrite spec fields in memory before mutation, validation and rendering (the stored CR is unchanged).', {
  spec: Opt(StringMap('Dot path under spec → template rendering its normalized value.')),
});

export const DeletionProtectionOverrideSchema = Obj('Per-CRD override of security.deletionProtection (Gateway).', {
  protectCRD: Opt(Bool('Protect the CRD definition (default true).')),
  protectCRs: Opt(Bool('Protect the CRs (default true).')),
  strictMode: Opt(Bool('Block removing the protection label (default: Katalog strictMode).')),
});

export const MotifImportSchema = Obj('A Motif imported into this CRD (merged at load; not supported by ork).', {
  motif: Str('Motif path, OCI reference or Git URL (url@version allowed).'),
  version: Opt(Str('Version, tag, branch or SHA.')),
  oci: Opt(Bool('Pull as an OCI artifact.')),
  auth: Opt(SourceAuthSchema),
  with: Opt(StringMap('Motif inputs (templates).')),
});
export type RawMotifImport = Static<typeof MotifImportSchema>;
