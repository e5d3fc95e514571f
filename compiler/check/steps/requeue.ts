/**
 * ORK034: requeue (Orkestra step 51). `requeue.after` is empty (no requeue), a template
 * (rendered after every successful reconcile, checked then) or a Go duration.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { enabledCrds, isTemplateText } from '../walk.ts';
import { parseGoDuration } from '../../../runtime-kit/duration.ts';
import { asRecord } from '../values.ts';

export const requeue: Check = {
  code: 'ORK034',
  title: 'requeue.after: empty, template or Go duration',
  orkestraStep: '51 validateRequeue',
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const crd of enabledCrds(ctx.model)) {
      const r = crd.box.reconciler;
      const after = asRecord(r?.raw.requeue)?.after;
      if (!r || typeof after !== 'string' || after === '' || isTemplateText(after)) continue;
      const parsed = parseGoDuration(after);
      if (parsed.ok) continue;
      out.push(ctx.error([...r.at, 'requeue', 'after'],
        `CRD \`${crd.name}\`: requeue.after \`${after}\` is not a valid duration or template expression (${parsed.reason})`,
        'use a Go duration string (e.g. "30s", "5m") or a template (e.g. \'{{ .spec.interval | default "60s" }}\')'));
    }
    return out;
  },
};
