/**
 * Measure 7 — compile side: bench/compile.ts (validate + generate + bundle for 1, 15 and 100
 * synthetic CRDs) run as a child process, and the web-app image built with `ork build --image`
 * (sizes from the build's dist/image/image.json).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, runOrk } from '../../test/helpers/run-ork.ts';

/** The markdown table bench/compile.ts prints (medians of `runs`). */
export function compileTable(runs: number): string {
  const node = path.join(REPO_ROOT, 'node_modules', '.bin', 'node');
  return execFileSync(node, [path.join(REPO_ROOT, 'bench', 'compile.ts')], { cwd: REPO_ROOT, env: { ...process.env, BENCH_RUNS: String(runs) }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/** `ork build --image` of examples/web-app: wall time and the sizes image.json reports, as text. */
export async function webAppImage(): Promise<string> {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'ork-bench-image-')), 'web-app');
  const t0 = Date.now();
  const r = await runOrk(['build', 'examples/web-app/katalog.yaml', '-o', out, '--image', 'localhost/ork-bench/web-app-operator']);
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.code !== 0) return `image not built (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-2).join(' ')}`;
  const info = JSON.parse(readFileSync(path.join(out, 'dist', 'image', 'image.json'), 'utf8')) as Record<string, unknown>;
  const sizes = JSON.stringify(info['sizes'] ?? info['size'] ?? {});
  return `\`ork build --image\` (web-app) took ${s} s; sizes (bytes): ${sizes}`;
}
