/** Presence test for rendered string fields: a template that rendered to "" counts as absent. */

/** True for a present, non-empty string. */
export function given(s: string | undefined): s is string {
  return s !== undefined && s !== '';
}
