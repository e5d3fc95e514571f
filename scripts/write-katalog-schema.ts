/**
 * Writes the JSON Schema of the Katalog to docs/katalog.schema.json, the file editors use
 * (yaml-language-server: `# yaml-language-server: $schema=<path>/katalog.schema.json`).
 * Deterministic: keys keep their definition order; `--check` exits 1 when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { katalogJsonSchemaText } from '../compiler/schema/json-schema.ts';

const target = fileURLToPath(new URL('../docs/katalog.schema.json', import.meta.url));
const text = katalogJsonSchemaText();

if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(target, 'utf8'); } catch { /* missing counts as stale */ }
  if (current !== text) {
    console.error('docs/katalog.schema.json is out of date: run npm run schema');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
