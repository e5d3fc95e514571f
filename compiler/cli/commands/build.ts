/**
 * `ork build <katalog|project-dir>`: generate (when given a Katalog) and bundle the operator
 * with esbuild into `<project>/dist/main.js`, refusing a bundle that contains any compiler
 * module. (`--image` comes with the image builder.)
 */
import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { CliError, EXIT_INVALID } from '../exit.ts';
import { printDiagnostics, progress } from '../output.ts';
import { writeTree } from '../write-tree.ts';
import { generate } from '../../generate.ts';
import { bundleProject, forbiddenInputs } from '../../build/bundle.ts';

interface BuildOptions {
  output?: string;
  image?: string | boolean;
}

/** Generates (if needed) and bundles; returns the project folder and bundle path. */
export async function buildOperator(target: string, output?: string): Promise<{ projectDir: string; outfile: string; bytes: number; metafile: import('esbuild').Metafile }> {
  let projectDir = target;
  if (!(existsSync(target) && statSync(target).isDirectory())) {
    const rel = path.isAbsolute(target) && !path.relative(process.cwd(), target).startsWith('..') ? path.relative(process.cwd(), target) : target;
    const g = generate(rel, output ?? ((name) => path.join('.ork', 'build', name)));
    printDiagnostics(g.diagnostics.filter((d) => d.severity !== 'note'), g.sources);
    if (!g.files || !g.outDir) throw new CliError(`${target} is invalid; nothing built`, EXIT_INVALID, `fix the errors above (\`ork validate ${target}\`)`);
    writeTree(g.outDir, g.files);
    projectDir = g.outDir;
  } else if (!existsSync(path.join(target, 'src', 'main.ts'))) {
    throw new CliError(`${target} is not a generated operator project (no src/main.ts)`, EXIT_INVALID, 'pass a Katalog, or a folder made by `ork generate`');
  }
  const r = await bundleProject(projectDir);
  const bad = forbiddenInputs(r.metafile);
  if (bad.length > 0) throw new CliError(`the bundle contains compiler modules: ${bad.slice(0, 5).join(', ')}`, EXIT_INVALID, 'this is a bug in ork: the runtime kit must not import compiler code');
  return { projectDir, outfile: r.outfile, bytes: r.bytes, metafile: r.metafile };
}

/** Registers `ork build`. */
export function registerBuild(program: Command): void {
  program
    .command('build [target]')
    .description('bundle the operator of a Katalog (or of a generated project folder) into one file')
    .option('-o, --output <dir>', 'project folder when building from a Katalog (default .ork/build/<name>)')
    .option('--image [name]', 'also build the image with podman, FROM scratch (default name: localhost/ork/<name>-operator)')
    .addHelpText('after', '\nExamples:\n  ork build examples/web-app/katalog.yaml\n  ork build generated/web-app\n  ork build examples/web-app/katalog.yaml --image')
    .action(async (target: string | undefined, opts: BuildOptions) => {
      progress(`bundling the operator of ${target ?? 'katalog.yaml'}…`);
      const r = await buildOperator(target ?? 'katalog.yaml', opts.output);
      process.stdout.write(`${r.outfile}: ${(r.bytes / 1024).toFixed(0)} KiB (run: node ${r.outfile} --kubeconfig <file>)\n`);
      if (opts.image === undefined || opts.image === false) return;
      const { buildImage, formatImageResult, imageTag, ImageBuildError } = await import('../../build/image/index.ts');
      const { projectIdentity, gitRevision } = await import('../../build/image/project-info.ts');
      const id = await projectIdentity(r.projectDir);
      const name = typeof opts.image === 'string' ? opts.image : `localhost/ork/${id.operatorName}`;
      try {
        const img = await buildImage({
          projectDir: r.projectDir,
          bundle: { outfile: r.outfile, metafile: r.metafile },
          tag: imageTag(name, id.version),
          katalogName: id.katalogName,
          version: id.version,
          revision: await gitRevision(),
          log: (line) => process.stderr.write(`${line}\n`),
        });
        process.stdout.write(formatImageResult(img));
      } catch (err) {
        if (err instanceof ImageBuildError) throw new CliError(err.message, EXIT_INVALID, err.hint ?? 'run `bash test/image/ensure-podman` to install podman and runc');
        throw err;
      }
    });
}
