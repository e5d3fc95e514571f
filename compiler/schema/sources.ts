/**
 * Top-level `imports` of a Komposer (Orkestra `KatalogSources`, `FileSource`, `HelmSource`,
 * `RegistrySource`). ork refuses remote imports; the shapes are known so the refusal can name them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool, StrList, AnyMap, MapOf } from './scalars.ts';
import { SourceAuthSchema } from './crd-extras.ts';

const FileSourceSchema = Type.Union([
  Type.String({ description: 'Path, URL or $ENV_VAR of a Katalog file.' }),
  Obj('A Katalog file with authentication.', {
    url: Str('Path or URL of the Katalog.'),
    auth: Opt(SourceAuthSchema),
  }),
], { description: 'A Katalog file to merge: a path/URL, or {url, auth}.' });

const HelmSourceSchema = Obj('A Helm chart rendering Katalog templates (not supported by ork).', {
  repo: Str('Chart repository URL.'),
  chart: Str('Chart name.'),
  version: Str('Chart version (also the git ref).'),
  path: Opt(Str('Chart path inside a git repository.')),
  valueFiles: Opt(StrList('Values files, applied in order.')),
  values: Opt(AnyMap('Inline values (like --set).')),
});

const RegistrySourceSchema = Type.Union([
  Type.String({ description: 'Registry URL, e.g. oci://ghcr.io/org/pattern@v1.' }),
  Obj('A registry pattern with options.', {
    url: Str('Registry URL (url@version allowed).'),
    version: Opt(Str('Version, tag, branch or SHA.')),
    oci: Opt(Bool('Pull as an OCI artifact.')),
    useKomposer: Opt(Bool('Load komposer.yaml instead of katalog.yaml.')),
    auth: Opt(SourceAuthSchema),
    katalog: Opt(MapOf(Obj('Which revision of one Katalog.', {
      branch: Opt(Str('Track a branch.')),
      version: Opt(Str('Pin a tag.')),
      sha: Opt(Str('Pin a commit.')),
    }), 'Katalogs of the registry by name.')),
  }),
], { description: 'A pattern pulled from a registry: a URL, or an object.' });

export const KatalogImportsSchema = Obj('Komposer sources merged before spec.crds (inline CRDs win); ork refuses remote sources.', {
  files: Opt(Type.Array(FileSourceSchema, { description: 'Katalog files.' })),
  helm: Opt(Type.Array(HelmSourceSchema, { description: 'Helm charts.' })),
  registry: Opt(Type.Array(RegistrySourceSchema, { description: 'Registry patterns.' })),
});
export type RawKatalogImports = Static<typeof KatalogImportsSchema>;
