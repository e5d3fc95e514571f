/** Probe timing profiles (`probes.*.profile`; Orkestra `pkg/profiles/probe.go`). */
import type { ProbeTimingInput } from '../inputs/workload.ts';
import type { UserProfiles } from './registry.ts';
import { builtIn, findProfile } from './registry.ts';

/** Fully specified probe timing. */
export type ProbeTiming = {
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly failureThreshold: number;
  readonly successThreshold: number;
  readonly timeoutSeconds: number;
};

const t = (initialDelaySeconds: number, periodSeconds: number, failureThreshold: number, timeoutSeconds: number): ProbeTiming =>
  ({ initialDelaySeconds, periodSeconds, failureThreshold, successThreshold: 1, timeoutSeconds });

/** Built-in probe profiles. Names match exactly (Orkestra does not lower-case them). */
export const PROBE_PROFILES: ReadonlyMap<string, ProbeTiming> = new Map([
  ['fast', t(5, 10, 2, 5)],
  ['standard', t(15, 20, 3, 10)],
  ['patient', t(30, 30, 5, 10)],
  ['slow-start', t(0, 10, 30, 10)],
]);

/** Timing used when no profile is declared or the name is unknown: `standard`. */
export const DEFAULT_PROBE_TIMING: ProbeTiming = t(15, 20, 3, 10);

/** A user `profiles.probes` entry (missing fields 0, as in Go), else a built-in; undefined when unknown. */
export function probeProfile(name: string, profiles: UserProfiles | undefined): ProbeTiming | undefined {
  const user: ProbeTimingInput | undefined = findProfile(profiles?.probes, name);
  if (user !== undefined) {
    return {
      initialDelaySeconds: user.initialDelaySeconds ?? 0,
      periodSeconds: user.periodSeconds ?? 0,
      failureThreshold: user.failureThreshold ?? 0,
      successThreshold: user.successThreshold ?? 0,
      timeoutSeconds: user.timeoutSeconds ?? 0,
    };
  }
  return builtIn(PROBE_PROFILES, name, true);
}
