/**
 * Compile-side benchmark: validate + generate (in memory) and bundle, for synthetic Katalogs of
 * 1, 15 and 100 CRDs; medians of several runs in one process, after one warm-up run. Prints a
 * markdown table. `npm run bench:compile`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from '../compiler/generate.ts';
import { writeTree } from '../compiler/cli/write-tree.ts';
import { bundleProject } from '../compiler/build/bundle.ts';
import { writeSyntheticKatalog } from './synthetic-katalog.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const rows: string[] = ['| CRDs | validate + generate (median ms) | bundle (median ms) | bundle size (KiB) | files |', '| ---: | ---: | ---: | ---: | ---: |'];
for (const n of [1, 15, 100]) {
  const dir = mkdtempSync(path.join(tmpdir(), `ork-bench-${n}-`));
  const katalog = writeSyntheticKatalog(dir, n);
  const out = path.join(dir, 'out');
  generate(katalog, out); // warm-up: module loading, ajv compile
  const gen: number[] = [];
  let files = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const g = generate(katalog, out);
    gen.push(performance.now() - t0);
    if (!g.files) throw new Error(`synthetic Katalog ${n} is invalid: ${JSON.stringify(g.diagnostics.slice(0, 3))}`);
    files = g.files.size;
    writeTree(out, g.files);
  }
  const bun: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    bytes = (await bundleProject(out)).bytes;
    bun.push(performance.now() - t0);
  }
  rows.push(`| ${n} | ${median(gen).toFixed(0)} | ${median(bun).toFixed(0)} | ${(bytes / 1024).toFixed(0)} | ${files} |`);
  process.stderr.write(`${n} CRDs done\n`);
}
process.stdout.write(`${rows.join('\n')}\n`);
