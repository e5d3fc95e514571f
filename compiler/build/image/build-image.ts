/**
 * `ork build --image`: from a bundled operator project to a FROM-scratch image in podman's
 * store, with its SBOM and a gzip'd OCI layout beside it:
 *
 *   <projectDir>/dist/image/context/rootfs/   what the Containerfile's `COPY rootfs/ /` copies
 *   <projectDir>/dist/image/sbom.cdx.json     CycloneDX SBOM of the image
 *   <projectDir>/dist/image/oci/              the image as an OCI layout, layers gzip'd
 *   <projectDir>/dist/image/image.json        the {@link ImageResult} (ids, sizes, labels)
 *
 * Reproducible: same project, bundle, Node binary, Debian packages, podman version and
 * labels → same image id and digest (fixed timestamp, normalised modes and mtimes, no cache).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { assembleRootfs, defaultEpoch } from './rootfs.ts';
import { bundleComposition } from './bundle-packages.ts';
import { buildSbom, debianRelease } from './sbom.ts';
import { inspectImage, podmanBuild, podmanBuildArgs, podmanRunArgs, pushOciLayout } from './podman.ts';
import { ImageBuildError } from './exec.ts';
import { ORK_ROOT } from './node-binary.ts';
import { RUNTIME_KIT_DIR } from '../../generate.ts';

/** Input of {@link buildImage}. */
export interface BuildImageOptions {
  /** The generated project (with Containerfile, package.json and the bundle in dist/). */
  readonly projectDir: string;
  /** The bundle as bundleProject() returned it (outfile + esbuild metafile). */
  readonly bundle: { readonly outfile: string; readonly metafile: Metafile };
  /** Image name; `:<version>` is appended when it has no tag. */
  readonly tag: string;
  readonly katalogName: string;
  readonly version: string;
  /** VCS revision (org.opencontainers.image.revision), e.g. `git rev-parse HEAD`. */
  readonly revision?: string | undefined;
  /** Source URL (org.opencontainers.image.source). */
  readonly source?: string | undefined;
  /** Folder esbuild ran in (its metafile paths are relative to it); default process.cwd(). */
  readonly bundleCwd?: string;
  /** Strip the Node binary when binutils is present (default true). */
  readonly strip?: boolean;
  /** Build timestamp, seconds (default SOURCE_DATE_EPOCH or 0). */
  readonly epoch?: number;
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void;
}

/** Byte counts of the image's parts. */
export interface ImageSizes {
  /** The official binary as npm installed it. */
  readonly nodeUnstripped: number;
  /** /bin/node in the image. */
  readonly node: number;
  readonly nodeStripped: boolean;
  /** /lib and /lib64. */
  readonly libs: number;
  /** /app (bundle, source map, legal file). */
  readonly bundle: number;
  /** /etc (passwd, group, CA certificates). */
  readonly etc: number;
  /** Sum of all files of the rootfs. */
  readonly rootfs: number;
  /** Uncompressed image size podman reports. */
  readonly image: number;
  /** The gzip'd layer(s), as pushed to a registry. */
  readonly layerGzip: number;
}

/** What {@link buildImage} built. */
export interface ImageResult {
  /** Image id (config digest), `sha256:...`. */
  readonly imageId: string;
  /** Manifest digest in podman's local store. */
  readonly digest: string;
  /** Manifest digest of the gzip'd OCI layout (what a registry would receive). */
  readonly ociDigest: string;
  readonly tag: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly sizes: ImageSizes;
  readonly sbomFile: string;
  readonly ociDir: string;
  readonly rootfsDir: string;
  /** Milliseconds per step. */
  readonly timings: { readonly rootfs: number; readonly build: number; readonly oci: number };
}

/** `name` with `:version` appended when it has no tag. */
export function imageTag(name: string, version: string): string {
  const last = name.slice(name.lastIndexOf('/') + 1);
  return last.includes(':') || last.includes('@') ? name : `${name}:${version}`;
}

/** The OCI labels (also written as manifest annotations), empty values left out. */
export function imageLabels(o: { operatorName: string; katalogName: string; version: string; revision?: string | undefined; source?: string | undefined }): Record<string, string> {
  const l: Record<string, string> = {
    'org.opencontainers.image.title': o.operatorName,
    'org.opencontainers.image.version': o.version,
    'dev.ork.katalog': o.katalogName,
  };
  if (o.revision) l['org.opencontainers.image.revision'] = o.revision;
  if (o.source) l['org.opencontainers.image.source'] = o.source;
  return l;
}

/** Builds the operator image of `opts.projectDir`; see the module comment. */
export async function buildImage(opts: BuildImageOptions): Promise<ImageResult> {
  const log = opts.log ?? ((): void => undefined);
  const projectDir = path.resolve(opts.projectDir);
  const out = path.join(projectDir, 'dist', 'image');
  const epoch = opts.epoch ?? defaultEpoch();
  const tag = imageTag(opts.tag, opts.version);
  const operatorName = await projectName(projectDir);

  let t0 = Date.now();
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const rootfs = await assembleRootfs(projectDir, { outDir: path.join(out, 'context', 'rootfs'), bundleFile: opts.bundle.outfile, strip: opts.strip ?? true, epoch });
  const rootfsMs = Date.now() - t0;
  log(`rootfs: ${rootfs.entries.length} entries, ${mib(rootfs.sizes.total)} (node ${rootfs.node.stripped ? 'stripped' : 'not stripped: no binutils'})`);

  const composition = bundleComposition(opts.bundle.metafile, opts.bundle.outfile, { cwd: opts.bundleCwd ?? process.cwd(), runtimeKitDir: RUNTIME_KIT_DIR, projectDir, lockfile: path.join(ORK_ROOT, 'package-lock.json') });
  const sbom = buildSbom({ rootfs, bundle: composition, operatorName, katalogName: opts.katalogName, version: opts.version, imageName: tag, distro: debianRelease() });
  const sbomFile = path.join(out, 'sbom.cdx.json');
  await writeFile(sbomFile, `${JSON.stringify(sbom, null, 2)}\n`);

  t0 = Date.now();
  const labels = imageLabels({ operatorName, katalogName: opts.katalogName, version: opts.version, revision: opts.revision, source: opts.source });
  const iidfile = path.join(out, 'iid');
  const args = podmanBuildArgs({ containerfile: path.join(projectDir, 'Containerfile'), context: path.join(out, 'context'), tag, epoch, iidfile, labels });
  log(`podman ${args.join(' ')}`);
  await podmanBuild(args, iidfile);
  await rm(iidfile, { force: true });
  const img = await inspectImage(tag);
  const buildMs = Date.now() - t0;

  t0 = Date.now();
  const oci = await pushOciLayout(tag, path.join(out, 'oci'));
  const ociMs = Date.now() - t0;

  const result: ImageResult = {
    imageId: img.id,
    digest: img.digest,
    ociDigest: oci.manifestDigest,
    tag,
    labels,
    sizes: {
      nodeUnstripped: rootfs.node.bytes,
      node: rootfs.sizes.node,
      nodeStripped: rootfs.node.stripped,
      libs: rootfs.sizes.libs,
      bundle: rootfs.sizes.bundle,
      etc: rootfs.sizes.etc,
      rootfs: rootfs.sizes.total,
      image: img.size,
      layerGzip: oci.layers.reduce((n, l) => n + l.size, 0),
    },
    sbomFile,
    ociDir: oci.dir,
    rootfsDir: rootfs.dir,
    timings: { rootfs: rootfsMs, build: buildMs, oci: ociMs },
  };
  await writeFile(path.join(out, 'image.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/** The operator's name from the generated package.json (e.g. `web-app-operator`). */
async function projectName(projectDir: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(path.join(projectDir, 'package.json'), 'utf8')) as { name?: string };
    if (pkg.name) return pkg.name;
  } catch {
    // fall through
  }
  throw new ImageBuildError(`${projectDir} has no package.json with a name`, '', 'pass a folder made by `ork generate` / `ork build`');
}

function mib(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** The lines `ork build --image` prints. */
export function formatImageResult(r: ImageResult): string {
  const s = r.sizes;
  return [
    `image ${r.tag}`,
    `  id      ${r.imageId}`,
    `  digest  ${r.digest} (local store)`,
    `  oci     ${r.ociDigest} (gzip layers: ${r.ociDir})`,
    `  size    ${mib(s.image)} uncompressed, ${mib(s.layerGzip)} gzip'd layer`,
    `  parts   node ${mib(s.node)}${s.nodeStripped ? ` (stripped from ${mib(s.nodeUnstripped)})` : ' (not stripped)'}, libs ${mib(s.libs)}, bundle ${mib(s.bundle)}, etc ${mib(s.etc)}`,
    `  sbom    ${r.sbomFile}`,
    `  run     podman run --rm ${podmanRunArgs().join(' ')} ${r.tag} version`,
    '',
  ].join('\n');
}
