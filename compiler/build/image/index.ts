/**
 * The operator image builder's API (what `ork build --image` and the tests use):
 * {@link buildImage} builds the image of a bundled project; {@link assembleRootfs} only lays out
 * its root file system; {@link podmanRunArgs} are the flags `podman run` needs on these machines.
 */
export { buildImage, formatImageResult, imageLabels, imageTag, type BuildImageOptions, type ImageResult, type ImageSizes } from './build-image.ts';
export { assembleRootfs, listTree, GROUP, PASSWD, NONROOT_UID, type Rootfs, type RootfsEntry, type RootfsOptions } from './rootfs.ts';
export { podmanRunArgs, inspectImage } from './podman.ts';
export { ImageBuildError, hasCommand } from './exec.ts';
export type { CdxBom, CdxComponent } from './sbom.ts';
export { projectIdentity, gitRevision, type ProjectIdentity } from './project-info.ts';
