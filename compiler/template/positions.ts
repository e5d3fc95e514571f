/**
 * Maps offsets inside a template back to the Katalog file. A template is the value of a YAML
 * scalar; the caller says where the scalar's content starts and, ideally, passes its raw text
 * as written in the file. With the raw text, offsets are exact for plain, single- and
 * double-quoted scalars (escapes, `''`, folded line breaks) and for block scalars; without it,
 * positions advance by line and column over the decoded value (exact for one-line plain
 * scalars and literal block scalars).
 */
import type { SourcePosition } from '../diagnostics/diagnostic.ts';

/** Where a template's text comes from. */
export interface TemplateSource {
  /** The Katalog file. */
  readonly file: string;
  /** 1-based line of the first character of the scalar's content (after an opening quote). */
  readonly line: number;
  /** 1-based column of that character. */
  readonly column: number;
  /** How the scalar is written; default `plain`. */
  readonly style?: 'plain' | 'single-quoted' | 'double-quoted' | 'literal' | 'folded';
  /** The scalar's content exactly as written in the file (without the quotes). */
  readonly raw?: string;
  /** Dotted path of the field inside the Katalog, for diagnostics. */
  readonly path?: string;
}

function escapeLength(raw: string, r: number): number {
  const e = raw[r + 1];
  if (e === 'x') return 4;
  if (e === 'u') return 6;
  if (e === 'U') return 10;
  return 2;
}

/** For each offset of `value` (and its end), the offset in `raw` that produced it. */
function align(value: string, raw: string, style: TemplateSource['style']): number[] {
  const map: number[] = [];
  let r = 0;
  for (let v = 0; v <= value.length; ) {
    map[v] = Math.min(r, raw.length);
    if (v === value.length) break;
    const vc = value[v];
    const rc = raw[r];
    if (rc === undefined) {
      v++;
      continue;
    }
    if (style === 'double-quoted' && rc === '\\') {
      if (raw[r + 1] === '\n' || raw[r + 1] === '\r') {
        r += 2;
        while (raw[r] === ' ' || raw[r] === '\t' || raw[r] === '\n') r++;
        continue;
      }
      r += escapeLength(raw, r);
      v++;
      continue;
    }
    if (style === 'single-quoted' && rc === "'" && raw[r + 1] === "'") {
      r += 2;
      v++;
      continue;
    }
    if (rc === vc) {
      r++;
      v++;
      continue;
    }
    if (/\s/.test(rc)) {
      while (r < raw.length && /\s/.test(raw[r] ?? '') && raw[r] !== vc) r++;
      continue;
    }
    r++;
    v++;
  }
  return map;
}

function advance(text: string, upTo: number, line: number, column: number): { line: number; column: number } {
  let l = line;
  let c = column;
  for (let i = 0; i < upTo && i < text.length; i++) {
    if (text[i] === '\n') {
      l++;
      c = 1;
    } else c++;
  }
  return { line: l, column: c };
}

/** Builds the offset → file position function for a template source. */
export function positionMapper(src: TemplateSource, value: string): (offset: number) => SourcePosition {
  if (src.raw !== undefined) {
    const raw = src.raw;
    const map = align(value, raw, src.style);
    return (offset) => {
      const r = map[Math.max(0, Math.min(offset, value.length))] ?? 0;
      return { file: src.file, ...advance(raw, r, src.line, src.column) };
    };
  }
  return (offset) => {
    const o = Math.max(0, Math.min(offset, value.length));
    if (src.style === 'literal' || src.style === 'folded') {
      const lines = value.slice(0, o).split('\n');
      const last = lines.at(-1) ?? '';
      return { file: src.file, line: src.line + lines.length - 1, column: (lines.length > 1 ? src.column : src.column) + last.length };
    }
    return { file: src.file, ...advance(value, o, src.line, src.column) };
  };
}
