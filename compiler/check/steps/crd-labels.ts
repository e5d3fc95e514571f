/**
 * ORK031: CRD `labels:` and `labelSelector:` (Orkestra step 42). Label keys are static (no
 * `{{`) and valid Kubernetes label keys; `labels:` values may be templates (rendered per CR)
 * and static ones are valid label values; `labelSelector:` is an informer filter, so its keys
 * and values are all static and valid.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check, CheckContext } from '../check.ts';
import type { CrdModel } from '../../model/katalog-model.ts';
import { enabledCrds, isTemplateText } from '../walk.ts';
import { labelKeyProblem, labelValueProblem } from '../label-key.ts';
import { asRecord, goString } from '../values.ts';

export const crdLabels: Check = {
  code: 'ORK031',
  title: 'CRD labels and labelSelector: static, valid keys and values',
  orkestraStep: '42 validateCRDEntryLabels',
  run(ctx) {
    return enabledCrds(ctx.model).flatMap((crd) => [...checkMap(ctx, crd, 'labels', true), ...checkMap(ctx, crd, 'labelSelector', false)]);
  },
};

function checkMap(ctx: CheckContext, crd: CrdModel, key: 'labels' | 'labelSelector', templateValues: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [k, raw] of Object.entries(asRecord(crd.raw[key]) ?? {})) {
    const at = [...crd.at, key, k];
    if (isTemplateText(k)) {
      out.push(ctx.errorAtKey(at, `${key} of CRD \`${crd.name}\`: key \`${k}\` must be a static label key, not a template`, 'write the key literally; only label values may be templates'));
      continue;
    }
    const kp = labelKeyProblem(k);
    if (kp) out.push(ctx.errorAtKey(at, `${key} of CRD \`${crd.name}\`: \`${k}\` is not a valid Kubernetes label key: ${kp}`, 'use name or prefix/name, e.g. app.kubernetes.io/part-of'));
    const v = goString(raw);
    if (v === undefined) continue;
    if (isTemplateText(v)) {
      if (!templateValues) out.push(ctx.error(at, `labelSelector of CRD \`${crd.name}\`: value of \`${k}\` must be static, not a template`, 'the selector filters the informer before any CR is read: write the value literally'));
      // Template values of `labels:` are parsed by the template compiler (another phase).
      continue;
    }
    const vp = labelValueProblem(v);
    if (vp) out.push(ctx.error(at, `${key} of CRD \`${crd.name}\`: value \`${v}\` of \`${k}\` is not a valid label value: ${vp}`, 'use at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit'));
  }
  return out;
}
