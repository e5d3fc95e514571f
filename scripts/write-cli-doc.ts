/**
 * Writes docs/cli.md from the commander program (compiler/cli/main.ts `buildProgram`), so the
 * CLI reference can never drift from the commands. `npm run docs:cli`; a unit test fails when stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildProgram } from '../compiler/cli/main.ts';
import { renderCliDoc } from './cli-doc.ts';

const out = path.join(import.meta.dirname, '..', 'docs', 'cli.md');
writeFileSync(out, renderCliDoc(buildProgram()));
process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
