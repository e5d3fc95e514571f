/**
 * ORK042 (ork's own; spec README §1 "Refused"): features whose keys Orkestra knows but ork
 * does not compile. Each refusal names the feature, points at its key and says why: Go code
 * is not data (`mode: typed`, reconciler hooks/constructor/`default: false`), outbound calls
 * other than the Gateway break the operator's security promise (`external:`, `git:`/`docker:`
 * hooks, `providers`, remote reconcilers and remote `source:` reads), Motif imports and
 * includes are merged by Orkestra's loader, which ork does not have yet, and `autoscale` /
 * `rollback` are unfinished upstream. Parts ignored as another product's (ORK043) are not
 * searched.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DocPath } from '../../load/yaml-document.ts';
import type { Check, CheckContext } from '../check.ts';
import { enabledCrds } from '../walk.ts';
import { objectsIn } from '../data-walk.ts';
import { IGNORED_CRD_KEYS, IGNORED_ADMISSION_KEYS } from '../ignored-parts.ts';
import { asRecord } from '../values.ts';

const WHY_GO = 'ork compiles data, not Go code: describe the children with onCreate/onReconcile/onDelete templates';
const WHY_OUTBOUND = 'outbound calls other than the Gateway break the operator\'s security promise (it talks only to the API server and the Gateway)';
const WHY_INCLUDE = 'Orkestra merges included files at load time and ork does not merge them yet: inline the content';
const WHY_UNFINISHED = 'it is unfinished upstream (Orkestra marks it in development), so there is no behaviour to compile';

/** Keys refused wherever they appear in a CRD entry (outside ignored parts). */
const REFUSED_KEYS: Readonly<Record<string, { feature: string; why: string }>> = {
  external: { feature: '`external:` HTTP calls', why: WHY_OUTBOUND },
  git: { feature: '`git:` hooks', why: WHY_OUTBOUND },
  docker: { feature: '`docker:` hooks', why: WHY_OUTBOUND },
  providers: { feature: '`providers` blocks', why: WHY_OUTBOUND },
  remote: { feature: 'remote reconcilers (`remote:`)', why: WHY_OUTBOUND },
  source: { feature: 'remote `source:` reads (another runtime or cluster)', why: WHY_OUTBOUND },
  hooks: { feature: 'Go reconcile `hooks`', why: WHY_GO },
  constructor: { feature: 'custom Go reconcilers (`constructor`)', why: WHY_GO },
  include: { feature: '`include:` files', why: WHY_INCLUDE },
  imports: { feature: 'Motif `imports`', why: WHY_INCLUDE },
  autoscale: { feature: '`autoscale`', why: WHY_UNFINISHED },
  rollback: { feature: '`rollback`', why: WHY_UNFINISHED },
};

export const unsupportedFeatures: Check = {
  code: 'ORK042',
  title: 'features ork does not compile (typed mode, Go hooks, external calls, imports, autoscale ...)',
  orkestraStep: 'ork (spec README §1 "Refused")',
  run(ctx) {
    const out: Diagnostic[] = [];
    const raw = ctx.model.raw;
    const top = asRecord(raw) ?? {};
    if (top.imports !== undefined) out.push(refuse(ctx, ['imports'], 'Komposer `imports` (files, Helm charts, registries)', WHY_INCLUDE));
    if (asRecord(top.spec)?.imports !== undefined) out.push(refuse(ctx, ['spec', 'imports'], 'Motif `imports`', WHY_INCLUDE));
    if (top.providers !== undefined) out.push(refuse(ctx, ['providers'], '`providers`', WHY_OUTBOUND));
    for (const key of ['notes', 'profiles'] as const) {
      if (asRecord(top[key])?.include !== undefined) out.push(refuse(ctx, [key, 'include'], `\`${key}.include\``, WHY_INCLUDE));
    }
    if (asRecord(top.notification)?.standalone === true) {
      out.push(refuse(ctx, ['notification', 'standalone'], 'standalone notification (mail and Slack sent by the operator)', 'the operator may not send mail or Slack itself: deliver through the Gateway (`gateway.endpoint`)'));
    }
    for (const crd of enabledCrds(ctx.model)) {
      if (crd.raw.mode === 'typed') out.push(refuse(ctx, [...crd.at, 'mode'], '`mode: typed`', WHY_GO));
      const r = crd.box.reconciler;
      if (r?.raw.default === false) out.push(refuse(ctx, [...r.at, 'default'], '`default: false` (a custom Go reconciler)', WHY_GO));
      if (crd.box.raw.rollBackOnError === true) out.push(refuse(ctx, [...crd.box.at, 'rollBackOnError'], '`rollBackOnError`', WHY_UNFINISHED));
      for (const { at, obj } of objectsIn(compiledPart(crd.raw), crd.at)) {
        for (const [key, why] of Object.entries(REFUSED_KEYS)) {
          if (Object.hasOwn(obj, key) && obj[key] !== undefined) out.push(refuse(ctx, [...at, key], why.feature, why.why));
        }
      }
    }
    return out;
  },
};

/** The CRD entry without the parts ignored as other products' (ORK043 notes them). */
function compiledPart(entry: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...(asRecord(entry) ?? {}) };
  for (const { key } of IGNORED_CRD_KEYS) delete copy[key];
  const admission = asRecord(copy.admission);
  if (admission) {
    const a: Record<string, unknown> = { ...admission };
    for (const key of IGNORED_ADMISSION_KEYS) delete a[key];
    copy.admission = a;
  }
  return copy;
}

function refuse(ctx: CheckContext, at: DocPath, feature: string, why: string): Diagnostic {
  return ctx.errorAtKey(at, `not supported by ork: ${feature}`, `remove it: ${why}`);
}
