/**
 * The shape of a CustomResourceDefinition file (`apiextensions.k8s.io/v1`) as ork reads it
 * from a Katalog's `crdFile`. Unknown keys are rejected down to each version; the
 * `openAPIV3Schema` itself is Kubernetes' JSONSchemaProps and is read, not re-validated here.
 */
import { Type, type Static } from '@sinclair/typebox';

const Strict = { additionalProperties: false } as const;
const StringMap = Type.Record(Type.String(), Type.String());

const Names = Type.Object(
  {
    kind: Type.String({ minLength: 1 }),
    plural: Type.String({ minLength: 1 }),
    singular: Type.Optional(Type.String()),
    listKind: Type.Optional(Type.String()),
    shortNames: Type.Optional(Type.Array(Type.String())),
    categories: Type.Optional(Type.Array(Type.String())),
  },
  Strict,
);

const Version = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    served: Type.Boolean(),
    storage: Type.Boolean(),
    deprecated: Type.Optional(Type.Boolean()),
    deprecationWarning: Type.Optional(Type.String()),
    schema: Type.Optional(Type.Object({ openAPIV3Schema: Type.Record(Type.String(), Type.Unknown()) }, Strict)),
    subresources: Type.Optional(
      Type.Object(
        {
          status: Type.Optional(Type.Object({}, Strict)),
          scale: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        },
        Strict,
      ),
    ),
    additionalPrinterColumns: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()))),
    selectableFields: Type.Optional(Type.Array(Type.Object({ jsonPath: Type.String() }, Strict))),
  },
  Strict,
);

/** A CustomResourceDefinition document. */
export const CrdDocumentSchema = Type.Object(
  {
    apiVersion: Type.Literal('apiextensions.k8s.io/v1'),
    kind: Type.Literal('CustomResourceDefinition'),
    metadata: Type.Object(
      {
        name: Type.String({ minLength: 1 }),
        labels: Type.Optional(StringMap),
        annotations: Type.Optional(StringMap),
      },
      Strict,
    ),
    spec: Type.Object(
      {
        group: Type.String({ minLength: 1 }),
        names: Names,
        scope: Type.Union([Type.Literal('Namespaced'), Type.Literal('Cluster')]),
        versions: Type.Array(Version, { minItems: 1 }),
        conversion: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        preserveUnknownFields: Type.Optional(Type.Boolean()),
      },
      Strict,
    ),
    status: Type.Optional(Type.Unknown()),
  },
  Strict,
);

/** A CRD document as read from a `crdFile`. */
export type CrdDocument = Static<typeof CrdDocumentSchema>;
