/** ORK009: a CRD entry's `crdFile` describes the same type as its `apiTypes` (Orkestra's `ork validate` crdFile check). */
import type { Check } from '../check.ts';

export const crdFileAgrees: Check = {
  code: 'ORK009',
  title: 'crdFile agrees with apiTypes',
  orkestraStep: 'load: crdFile populates apiTypes (ork validate compares group/kind)',
  run(ctx) {
    const out = [];
    for (const crd of ctx.model.crds) {
      const t = crd.raw.apiTypes;
      if (!crd.crd || !t) continue;
      const pairs: Array<[string, string | undefined, string]> = [
        ['group', t.group, crd.crd.spec.group],
        ['kind', t.kind, crd.crd.spec.names.kind],
        ['plural', t.plural, crd.crd.spec.names.plural],
      ];
      for (const [field, written, inFile] of pairs) {
        if (written === undefined || written === inFile) continue;
        out.push(ctx.error([...crd.at, 'apiTypes', field], `apiTypes.${field} is \`${written}\` but crdFile says \`${inFile}\``, `make them agree, or drop apiTypes.${field}: the crdFile is the source of truth`));
      }
      if (t.version && !crd.crd.spec.versions.some((v) => v.name === t.version)) {
        const names = crd.crd.spec.versions.map((v) => v.name).join(', ');
        out.push(ctx.error([...crd.at, 'apiTypes', 'version'], `apiTypes.version \`${t.version}\` is not a version of the CRD in crdFile (${names})`, `use one of: ${names}`));
      }
    }
    return out;
  },
};
