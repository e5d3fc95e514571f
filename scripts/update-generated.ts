/**
 * Regenerates generated/<example> from every examples/<example>/katalog.yaml (`npm run
 * generated`), through the same code as `ork generate`. test/unit/emit/generated.test.ts fails
 * when a checked-in project differs, naming this command.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../compiler/generate.ts';
import { writeTree } from '../compiler/cli/write-tree.ts';

/** Example folders that have a katalog.yaml, sorted. */
export function exampleNames(): string[] {
  return readdirSync('examples', { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'invalid' && d.name !== 'checks-pass' && existsSync(path.join('examples', d.name, 'katalog.yaml')))
    .map((d) => d.name)
    .sort();
}

if (import.meta.main) {
  for (const name of exampleNames()) {
    const g = generate(`examples/${name}/katalog.yaml`, `generated/${name}`);
    if (!g.files) throw new Error(`examples/${name} does not validate`);
    writeTree(`generated/${name}`, g.files);
    process.stdout.write(`generated/${name}: ${g.files.size} files\n`);
  }
}
