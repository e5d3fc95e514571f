/**
 * The RE2 subset Orkestra's `regex` conditions use (Go `regexp`), checked at compile time:
 * constructs RE2 does not have — lookarounds, backreferences, possessive quantifiers, atomic
 * groups — are refused with a reason; everything else is translated to the JavaScript
 * equivalent and compiled, so a syntax error surfaces here rather than as a condition that
 * is silently false at runtime. The translation is what the runtime will need as well.
 */

/** A pattern translated to JavaScript, or why it is not a valid RE2 pattern. */
export type Re2Result = { readonly ok: true; readonly source: string; readonly flags: string } | { readonly ok: false; readonly reason: string };

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

/** Refuses what RE2 lacks, then compiles the JavaScript translation. */
export function checkRe2(pattern: string): Re2Result {
  const refused = unsupported(pattern);
  if (refused) return { ok: false, reason: refused };
  const translated = translate(pattern);
  if (!translated.ok) return translated;
  try {
    new RegExp(translated.source, translated.flags);
  } catch (e) {
    return { ok: false, reason: (e as Error).message.replace(/^Invalid regular expression: /, '') };
  }
  return translated;
}

/** The first construct RE2 does not support, described, or undefined. */
function unsupported(p: string): string | undefined {
  if (/\(\?<?[=!]/.test(p)) return 'lookahead/lookbehind `(?=`, `(?!`, `(?<=`, `(?<!` is not supported by RE2';
  if (/\(\?>/.test(p)) return 'atomic groups `(?>...)` are not supported by RE2';
  for (let i = 0; i < p.length; i++) {
    if (p[i] !== '\\') continue;
    const next = p[i + 1] ?? '';
    if (/[1-9]/.test(next)) return `backreference \`\\${next}\` is not supported by RE2`;
    if (next === 'k' && p[i + 2] === '<') return 'named backreference `\\k<...>` is not supported by RE2';
    i++;
  }
  if (/[*+?}]\+/.test(p.replace(/\\./g, ''))) return 'possessive quantifiers (`*+`, `++`, `?+`) are not supported by RE2';
  return undefined;
}

/**
 * RE2 syntax → JavaScript: leading `(?flags)` become RegExp flags (i, s, m; U is refused),
 * `(?flags:...)` groups become JS modifier groups, `(?P<name>` becomes `(?<name>`, `\A` and
 * `\z` anchor the text, `\Q...\E` is quoted, `[[:alpha:]]` classes expand, `\pL` becomes
 * `\p{L}` (compiled with the `u` flag only then).
 */
function translate(p: string): Re2Result {
  let src = p;
  let flags = '';
  const lead = /^\(\?([a-zA-Z]+)\)/.exec(src);
  if (lead) {
    const f = lead[1] ?? '';
    if (/[^ims]/.test(f)) return { ok: false, reason: `flag(s) \`${f.replace(/[ims]/g, '')}\` in \`(?${f})\` are not supported (use i, m or s)` };
    flags += [...new Set(f)].join('');
    src = src.slice(lead[0].length);
  }
  if (/\(\?[a-zA-Z]*\)/.test(src)) return { ok: false, reason: 'inline flags `(?i)` are only supported at the start of the pattern; use a group `(?i:...)`' };
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i] ?? '';
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      if (n === 'Q') {
        const end = src.indexOf('\\E', i + 2);
        const quoted = src.slice(i + 2, end === -1 ? src.length : end);
        out += quoted.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        i = end === -1 ? src.length : end + 1;
        continue;
      }
      if (n === 'A') out += '^';
      else if (n === 'z') out += '$';
      else if ((n === 'p' || n === 'P') && /[A-Za-z]/.test(src[i + 2] ?? '')) {
        out += `\\${n}{${src[i + 2]}}`;
        i++;
      } else out += c + n;
      i++;
      continue;
    }
    if (c === '[' && src[i + 1] === '[' && src[i + 2] === ':') {
      const m = /^\[\[:(\^?)([a-z]+):\]\]/.exec(src.slice(i));
      const cls = m ? POSIX_CLASSES[m[2] ?? ''] : undefined;
      if (m && cls !== undefined) {
        out += `[${m[1] ?? ''}${cls}]`;
        i += m[0].length - 1;
        continue;
      }
    }
    if (c === '[') {
      const m = /^\[:(\^?)([a-z]+):\]/.exec(src.slice(i + 1));
      const cls = m ? POSIX_CLASSES[m[2] ?? ''] : undefined;
      if (m && cls !== undefined && m[1] === '') {
        out += `[${cls}`;
        i += m[0].length;
        continue;
      }
    }
    if (c === '(' && src.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    out += c;
  }
  // Unicode mode only when needed: it rejects escapes RE2 allows (`\-`, `\#` ...).
  if (out.includes('\\p{') || out.includes('\\P{')) flags += 'u';
  return { ok: true, source: out, flags };
}
