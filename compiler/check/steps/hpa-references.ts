/**
 * ORK020: HPA scale targets (Orkestra step 19). Every `hpa` entry names the workload it scales:
 * `scaleTargetRef.kind` and `.name` are required, `.apiVersion` too unless the kind is
 * Deployment, StatefulSet or ReplicaSet (then it is apps/v1).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { allResources, enabledCrds } from '../walk.ts';
import { declLabel } from '../resources.ts';
import { asRecord } from '../values.ts';

/** Kinds whose apiVersion Orkestra fills in (apps/v1). */
const APPS_V1_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

const EXAMPLE = 'e.g. scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: "{{ .metadata.name }}"}';

export const hpaReferences: Check = {
  code: 'ORK020',
  title: 'HPA scaleTargetRef: apiVersion, kind, name',
  orkestraStep: '19 validateHPAReference',
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const crd of enabledCrds(ctx.model)) {
      for (const { block, decl } of allResources(crd)) {
        if (decl.listKey !== 'hpa') continue;
        const where = declLabel(crd, block, decl);
        const ref = asRecord(decl.raw.scaleTargetRef);
        if (!ref) {
          out.push(ctx.error(decl.at, `${where} has no scaleTargetRef`, `add the workload it scales, ${EXAMPLE}`));
          continue;
        }
        const at = [...decl.at, 'scaleTargetRef'];
        const kind = typeof ref.kind === 'string' ? ref.kind : '';
        if (!ref.apiVersion && kind !== '' && !APPS_V1_KINDS.has(kind)) {
          out.push(ctx.errorAtKey(at, `${where}: scaleTargetRef has no apiVersion (only Deployment, StatefulSet and ReplicaSet default to apps/v1)`, `add \`apiVersion:\` for kind ${kind}`));
        }
        if (!kind) out.push(ctx.errorAtKey(at, `${where}: scaleTargetRef has no kind`, `add \`kind:\`, ${EXAMPLE}`));
        if (!ref.name) out.push(ctx.errorAtKey(at, `${where}: scaleTargetRef has no name`, `add \`name:\` (a template is fine), ${EXAMPLE}`));
      }
    }
    return out;
  },
};
