/**
 * The Katalog schema as a JSON Schema document (draft-07) for editors and other tools.
 * TypeBox schemas are already JSON Schema; this adds `$schema`/`title`, moves the shared
 * `definitions` to the end for readability, and serializes deterministically (definition order,
 * 2-space indent, trailing newline).
 */
import { KatalogSchema } from './katalog.ts';

/** The JSON text of docs/katalog.schema.json. */
export function katalogJsonSchemaText(): string {
  const { definitions, ...root } = KatalogSchema;
  const document = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Orkestra Katalog (ork)',
    ...root,
    definitions,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
