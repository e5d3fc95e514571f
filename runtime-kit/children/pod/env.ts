/**
 * `env` and `envFrom` of the primary container. A `envFrom` reference without `keys` becomes a
 * native `envFrom` source (prefix and optional kept); with `keys` it expands into one `env`
 * entry per key, named `prefix + key + suffix` (Orkestra `ExpandEnvFrom`), appended after `env`.
 * Secrets come before ConfigMaps.
 */
import type { EnvFromInput, EnvFromRefInput, EnvVarInput, KeyRefInput } from '../inputs/workload.ts';
import type { EnvFromSource, EnvVar, KeySelector } from '../k8s/pod.ts';

function selector(ref: KeyRefInput): KeySelector {
  const s: KeySelector = { name: ref.name, key: ref.key };
  if (ref.optional !== undefined) s.optional = ref.optional;
  return s;
}

/** One `env` entry: `valueFrom` when given (a value beside it is ignored), else `value` (omitted when empty). */
export function envVar(e: EnvVarInput): EnvVar {
  const out: EnvVar = { name: e.name };
  if (e.valueFrom !== undefined) {
    const from: NonNullable<EnvVar['valueFrom']> = {};
    if (e.valueFrom.secretKeyRef !== undefined) from.secretKeyRef = selector(e.valueFrom.secretKeyRef);
    if (e.valueFrom.configMapKeyRef !== undefined) from.configMapKeyRef = selector(e.valueFrom.configMapKeyRef);
    out.valueFrom = from;
  } else if (e.value !== undefined && e.value !== '') {
    out.value = e.value;
  }
  return out;
}

function expand(refs: readonly EnvFromRefInput[] | undefined, which: 'secret' | 'configMap', sources: EnvFromSource[], extra: EnvVar[]): void {
  for (const ref of refs ?? []) {
    const local: { name: string; optional?: boolean } = { name: ref.name };
    if (ref.optional !== undefined) local.optional = ref.optional;
    if (ref.keys === undefined || ref.keys.length === 0) {
      const src: EnvFromSource = {};
      if (ref.prefix !== undefined && ref.prefix !== '') src.prefix = ref.prefix;
      if (which === 'secret') src.secretRef = local;
      else src.configMapRef = local;
      sources.push(src);
      continue;
    }
    for (const key of ref.keys) {
      const sel = selector({ name: ref.name, key, optional: ref.optional });
      extra.push({
        name: `${ref.prefix ?? ''}${key}${ref.suffix ?? ''}`,
        valueFrom: which === 'secret' ? { secretKeyRef: sel } : { configMapKeyRef: sel },
      });
    }
  }
}

/** The container's `env` and `envFrom` lists (each undefined when empty). */
export function buildEnv(env: readonly EnvVarInput[] | undefined, envFrom: EnvFromInput | undefined): { env?: EnvVar[]; envFrom?: EnvFromSource[] } {
  const vars = (env ?? []).map(envVar);
  const sources: EnvFromSource[] = [];
  expand(envFrom?.secretRef, 'secret', sources, vars);
  expand(envFrom?.configMapRef, 'configMap', sources, vars);
  const out: { env?: EnvVar[]; envFrom?: EnvFromSource[] } = {};
  if (vars.length > 0) out.env = vars;
  if (sources.length > 0) out.envFrom = sources;
  return out;
}
