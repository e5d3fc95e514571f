/** A permissive check of npm/Masterminds-style semver ranges (`>=1.30 <1.37`, `^0.7`, `1.x || 2.x`). */

const COMPARATOR = /^(\^|~|[<>]=?|=)?v?(\d+|x|X|\*)(\.(\d+|x|X|\*)){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** True when `s` reads as a semver range. */
export function isSemverRange(s: string): boolean {
  const alternatives = s.split('||').map((a) => a.trim());
  return alternatives.every((alt) => {
    if (alt === '' || alt === '*') return alt === '*';
    const hyphen = alt.split(/\s+-\s+/);
    const parts = hyphen.length === 2 ? hyphen : alt.split(/[\s,]+/).filter(Boolean);
    return parts.length > 0 && parts.every((p) => COMPARATOR.test(p));
  });
}

/** True when `s` is a semver version (`1.2.3`, `0.1.0-rc.1`). */
export function isSemver(s: string): boolean {
  return /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(s);
}
