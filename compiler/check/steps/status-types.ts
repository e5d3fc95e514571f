/**
 * ORK022: status fields (Orkestra step 21). Each declared field has a non-empty `path` that
 * is a dot path (`phase`, `database.host`) and a `type` Orkestra can cast to: "", string,
 * str, default, int, integer, bool, boolean, float or auto (any case).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check } from '../check.ts';
import { enabledCrds } from '../walk.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { STATUS_FIELD_TYPES } from '../../schema/index.ts';
import { asList, asRecord } from '../values.ts';

/** A dot path of JSON keys: segments of letters, digits, `_` and `-`, not starting with a digit or `-`. */
const DOT_PATH = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*$/;

const TYPES: readonly string[] = STATUS_FIELD_TYPES;

export const statusTypes: Check = {
  code: 'ORK022',
  title: 'status fields: path and type',
  orkestraStep: '21 validateStatusTypes',
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const crd of enabledCrds(ctx.model)) {
      const status = crd.box.status;
      if (!status) continue;
      asList(asRecord(status.raw)?.fields).forEach((f, i) => {
        const field = asRecord(f);
        if (!field) return;
        const at = [...status.at, 'fields', i];
        const path = field.path;
        if (typeof path !== 'string' || path.trim() === '') {
          out.push(ctx.error(at, `status field ${i} of CRD \`${crd.name}\` has an empty path`, 'set `path:` to the key under .status, e.g. phase or database.host'));
        } else if (!DOT_PATH.test(path)) {
          out.push(ctx.error([...at, 'path'], `status field path \`${path}\` of CRD \`${crd.name}\` is not a dot path`, 'use keys separated by dots, e.g. database.host (no leading, trailing or double dots, no spaces or templates)'));
        }
        const type = field.type;
        if (typeof type === 'string' && !TYPES.includes(type.toLowerCase())) {
          out.push(ctx.error([...at, 'type'], `invalid status field type \`${type}\` in CRD \`${crd.name}\` (path \`${String(path)}\`)`,
            didYouMean(type.toLowerCase(), TYPES.filter((t) => t !== '')) ?? 'use one of: string, int, float, bool, auto (or omit it for string)'));
        }
      });
    }
    return out;
  },
};
