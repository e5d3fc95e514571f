/** ork's version, stamped into generated files and images. Kept equal to package.json's. */
export const ORK_VERSION = '0.1.0';
