/**
 * The podman calls of the image build: `podman build` (reproducible: fixed timestamp, no layer
 * cache, OCI labels and annotations), `podman image inspect`, and `podman push oci:<dir>` with
 * gzip to measure the compressed layer as a registry would receive it. Also the flags every
 * `podman run` needs on these machines.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ImageBuildError, run } from './exec.ts';

/** What `podman image inspect` says about a built image. */
export interface InspectedImage {
  /** The image id = sha256 of its config (`sha256:...`). */
  readonly id: string;
  /** Manifest digest in local storage (uncompressed layer). */
  readonly digest: string;
  /** Uncompressed size in bytes. */
  readonly size: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly user: string;
  readonly entrypoint: readonly string[];
}

/** Arguments of `podman build` for a context folder holding `rootfs/`. */
export function podmanBuildArgs(opts: { containerfile: string; context: string; tag: string; epoch: number; iidfile: string; labels: Readonly<Record<string, string>> }): string[] {
  const meta = Object.entries(opts.labels).sort(([a], [b]) => (a < b ? -1 : 1));
  return [
    'build',
    '--runtime=runc', // crun fails on these machines (rlimits, cgroups)
    '--format=oci',
    '--pull=never', // FROM scratch: nothing to pull, and no registry is reachable
    '--no-cache', // build for real every time: a cache hit would prove nothing about reproducibility
    `--timestamp=${opts.epoch}`, // created time and every file's mtime in the layer
    ...meta.flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    ...meta.flatMap(([k, v]) => ['--annotation', `${k}=${v}`]),
    '--file', opts.containerfile,
    '--tag', opts.tag,
    '--iidfile', opts.iidfile,
    opts.context,
  ];
}

/** Runs `podman build` with {@link podmanBuildArgs}; returns the image id it wrote to the iidfile. */
export async function podmanBuild(args: readonly string[], iidfile: string): Promise<string> {
  await run('podman', args);
  return (await readFile(iidfile, 'utf8')).trim();
}

/** `podman image inspect` of one image. */
export async function inspectImage(ref: string): Promise<InspectedImage> {
  const { stdout } = await run('podman', ['image', 'inspect', ref]);
  const [img] = JSON.parse(stdout) as Array<{ Id: string; Digest: string; Size: number; Labels?: Record<string, string> | null; Annotations?: Record<string, string> | null; Config?: { User?: string; Entrypoint?: string[] } }>;
  if (!img) throw new ImageBuildError(`podman image inspect ${ref}: no image`);
  return {
    id: img.Id.startsWith('sha256:') ? img.Id : `sha256:${img.Id}`,
    digest: img.Digest,
    size: img.Size,
    labels: img.Labels ?? {},
    annotations: img.Annotations ?? {},
    user: img.Config?.User ?? '',
    entrypoint: img.Config?.Entrypoint ?? [],
  };
}

/** The gzip'd OCI layout podman wrote: manifest digest and the compressed layer sizes. */
export interface OciLayout {
  readonly dir: string;
  readonly manifestDigest: string;
  readonly layers: ReadonlyArray<{ readonly digest: string; readonly size: number }>;
}

/** Writes `ref` as an OCI layout with gzip'd layers (`podman push oci:<dir>`) and reads its manifest. */
export async function pushOciLayout(ref: string, dir: string): Promise<OciLayout> {
  await run('podman', ['push', '--compression-format=gzip', '--quiet', ref, `oci:${dir}`]);
  const index = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')) as { manifests: Array<{ digest: string }> };
  const manifestDigest = index.manifests[index.manifests.length - 1]?.digest ?? '';
  const manifest = JSON.parse(await readFile(path.join(dir, 'blobs', ...manifestDigest.split(':')), 'utf8')) as { layers: Array<{ digest: string; size: number }> };
  return { dir, manifestDigest, layers: manifest.layers.map((l) => ({ digest: l.digest, size: l.size })) };
}

/**
 * Flags for `podman run` on these machines: runc, and rlimits no higher than this process's
 * (podman's defaults would raise them, which fails without CAP_SYS_RESOURCE).
 */
export function podmanRunArgs(limitsFile = '/proc/self/limits'): string[] {
  let nofile = 4096;
  try {
    const hard = /^Max open files\s+\S+\s+(\d+)/m.exec(readFileSync(limitsFile, 'utf8'))?.[1];
    if (hard !== undefined) nofile = Math.min(Number(hard), 65536);
  } catch {
    // keep 4096
  }
  return ['--runtime=runc', '--ulimit', `nofile=${nofile}:${nofile}`, '--ulimit', 'nproc=4096:4096'];
}
