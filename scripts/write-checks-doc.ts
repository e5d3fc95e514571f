/**
 * Writes docs/checks.md from the loader codes and the check registry, so the table of
 * codes can never drift from the code. `npm run docs:checks`; a unit test fails when stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderChecksDoc } from './checks-doc.ts';

const out = path.join(import.meta.dirname, '..', 'docs', 'checks.md');
writeFileSync(out, renderChecksDoc());
process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
