/**
 * ORK036: preReconcile (Orkestra step 53). `eventAware` belongs to reconcileGate only (it
 * gives every event its own queue identity; the enqueue gate runs before the queue). Declared
 * `preReconcile.sentinels` are sentinels Orkestra computes, and every gate's `sentinels:`
 * shorthand (preReconcile gates and observe watch/event gates) uses declared ones.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DocPath } from '../../load/yaml-document.ts';
import type { Check } from '../check.ts';
import { enabledCrds } from '../walk.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { KNOWN_SENTINELS } from '../../schema/index.ts';
import { asList, asRecord } from '../values.ts';

export const preReconcile: Check = {
  code: 'ORK036',
  title: 'preReconcile: eventAware only in reconcileGate, declared sentinels',
  orkestraStep: '53 validatePreReconcile',
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const crd of enabledCrds(ctx.model)) {
      const pr = asRecord(crd.box.raw.preReconcile);
      const at = [...crd.box.at, 'preReconcile'];
      const enqueue = asRecord(pr?.enqueueGate);
      if (enqueue?.eventAware === true) {
        out.push(ctx.errorAtKey([...at, 'enqueueGate', 'eventAware'], `CRD \`${crd.name}\`: preReconcile.enqueueGate.eventAware is only valid in reconcileGate`, 'move `eventAware: true` to reconcileGate'));
      }
      const declared: string[] = [];
      asList(pr?.sentinels).forEach((s, i) => {
        if (typeof s !== 'string') return;
        if (!(KNOWN_SENTINELS as readonly string[]).includes(s)) {
          out.push(ctx.error([...at, 'sentinels', i], `CRD \`${crd.name}\`: unknown sentinel \`${s}\``, didYouMean(s, KNOWN_SENTINELS) ?? `use one of: ${KNOWN_SENTINELS.join(', ')}`));
        } else declared.push(s);
      });
      const gates: Array<{ gate: unknown; at: DocPath }> = [
        { gate: pr?.enqueueGate, at: [...at, 'enqueueGate'] },
        { gate: pr?.reconcileGate, at: [...at, 'reconcileGate'] },
      ];
      const observe = asRecord(crd.box.raw.observe);
      const watch = crd.box.raw.watch !== undefined ? { list: crd.box.raw.watch, at: [...crd.box.at, 'watch'] } : { list: observe?.watch, at: [...crd.box.at, 'observe', 'watch'] };
      asList(watch.list).forEach((w, i) => gates.push({ gate: asRecord(w)?.enqueueGate, at: [...watch.at, i, 'enqueueGate'] }));
      for (const [name, ev] of Object.entries(asRecord(observe?.events) ?? {})) gates.push({ gate: asRecord(ev)?.enqueueGate, at: [...crd.box.at, 'observe', 'events', name, 'enqueueGate'] });
      for (const { gate, at: gateAt } of gates) {
        asList(asRecord(gate)?.sentinels).forEach((s, i) => {
          if (typeof s !== 'string' || declared.includes(s)) return;
          out.push(ctx.error([...gateAt, 'sentinels', i], `CRD \`${crd.name}\`: gate uses sentinel \`${s}\`, which preReconcile.sentinels does not declare`,
            declared.length > 0 ? (didYouMean(s, declared) ?? `declare it: preReconcile: {sentinels: [${[...declared, s].join(', ')}]}`) : `declare it: preReconcile: {sentinels: [${s}]}`));
        });
      }
      // Sentinels called inside gate templates ({{ generationChanged }}) are resolved by the
      // template compiler, which receives `declared` as its sentinel set.
    }
    return out;
  },
};
