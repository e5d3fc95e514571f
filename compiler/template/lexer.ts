/**
 * Lexer for Go template syntax: text, `{{ }}` actions with `-` trim markers, comments, and the
 * tokens inside actions (identifiers, keywords, `.field` chains, `$variables`, string / raw
 * string / char / number literals, `| ( ) , := =`). Positions are offsets into the source.
 */
import { TemplateSyntaxError } from './syntax-error.ts';

/** Token kinds. */
export type TokenKind =
  | 'text'
  | 'open'
  | 'close'
  | 'identifier'
  | 'keyword'
  | 'field'
  | 'variable'
  | 'dot'
  | 'string'
  | 'char'
  | 'number'
  | 'bool'
  | 'nil'
  | 'pipe'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'declare'
  | 'assign'
  | 'eof';

/** A token; `value` is the decoded text (string contents, identifier name, text after trimming). */
export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  readonly pos: number;
  readonly end: number;
  /** White space (or a comment) separates this token from the previous one inside an action. */
  readonly spaced: boolean;
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);
const SPACE = new Set([' ', '\t', '\r', '\n']);

function isAlnum(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{Nd}_]/u.test(c);
}

/** Splits a template into tokens; throws `TemplateSyntaxError` on lexical errors. */
export function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let trimNext = false;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    const textEnd = open < 0 ? src.length : open;
    let trimPrev = false;
    let afterOpen = open + 2;
    if (open >= 0 && src[afterOpen] === '-' && SPACE.has(src[afterOpen + 1] ?? '')) {
      trimPrev = true;
      afterOpen += 2;
    }
    let text = src.slice(i, textEnd);
    let textPos = i;
    if (trimNext) {
      const t = text.replace(/^[ \t\r\n]+/, '');
      textPos += text.length - t.length;
      text = t;
    }
    if (trimPrev) text = text.replace(/[ \t\r\n]+$/, '');
    if (text.length > 0) out.push({ kind: 'text', value: text, pos: textPos, end: textPos + text.length, spaced: false });
    if (open < 0) break;
    const r = lexAction(src, open, afterOpen, out);
    i = r.end;
    trimNext = r.trimRight;
  }
  out.push({ kind: 'eof', value: '', pos: src.length, end: src.length, spaced: false });
  return out;
}

/** Lexes one action starting at `open` ("{{"); returns where the text resumes. */
function lexAction(src: string, open: number, start: number, out: Token[]): { end: number; trimRight: boolean } {
  let i = start;
  // Comments: {{/* … */}} with optional trim markers; nothing else may share the action.
  if (src.startsWith('/*', i)) {
    const close = src.indexOf('*/', i + 2);
    if (close < 0) throw new TemplateSyntaxError('unclosed comment', open, 'close the comment with "*/}}"');
    let j = close + 2;
    let trimRight = false;
    if (src[j] === ' ' || src[j] === '\t' || src[j] === '\r' || src[j] === '\n') {
      if (src[j + 1] === '-' && src.startsWith('}}', j + 2)) {
        trimRight = true;
        j += 2;
      }
    }
    if (!src.startsWith('}}', j)) throw new TemplateSyntaxError('comment ends before closing delimiter', close, 'write the comment as {{/* … */}}');
    return { end: j + 2, trimRight };
  }
  out.push({ kind: 'open', value: '{{', pos: open, end: start, spaced: false });
  let spaced = false;
  const push = (kind: TokenKind, value: string, pos: number, end: number): void => {
    out.push({ kind, value, pos, end, spaced });
    spaced = false;
  };
  let parens = 0;
  for (;;) {
    const c = src[i];
    if (c === undefined) throw new TemplateSyntaxError('unclosed action', open, 'close the action with "}}"');
    if (SPACE.has(c)) {
      let j = i;
      while (SPACE.has(src[j] ?? '')) j++;
      if (src[j] === '-' && src.startsWith('}}', j + 1)) {
        push('close', '}}', j, j + 3);
        return { end: j + 3, trimRight: true };
      }
      spaced = true;
      i = j;
      continue;
    }
    if (src.startsWith('}}', i)) {
      if (parens > 0) throw new TemplateSyntaxError('unclosed left paren', i, 'add the missing ")"');
      push('close', '}}', i, i + 2);
      return { end: i + 2, trimRight: false };
    }
    if (src.startsWith('/*', i)) throw new TemplateSyntaxError('comment in the middle of an action', i, 'put comments in their own {{/* … */}} action');
    if (c === '|') {
      push('pipe', '|', i, ++i);
    } else if (c === '(') {
      parens++;
      push('lparen', '(', i, ++i);
    } else if (c === ')') {
      if (parens === 0) throw new TemplateSyntaxError('unexpected right paren', i);
      parens--;
      push('rparen', ')', i, ++i);
    } else if (c === ',') {
      push('comma', ',', i, ++i);
    } else if (c === ':') {
      if (src[i + 1] !== '=') throw new TemplateSyntaxError('expected :=', i);
      push('declare', ':=', i, (i += 2));
    } else if (c === '=') {
      push('assign', '=', i, ++i);
    } else if (c === '"') {
      const j = scanQuoted(src, i, '"');
      push('string', decodeQuoted(src.slice(i, j), i), i, j);
      i = j;
    } else if (c === '`') {
      const j = src.indexOf('`', i + 1);
      if (j < 0) throw new TemplateSyntaxError('unterminated raw quoted string', i, 'close the raw string with a backtick');
      push('string', src.slice(i + 1, j).replace(/\r/g, ''), i, j + 1);
      i = j + 1;
    } else if (c === "'") {
      const j = scanQuoted(src, i, "'");
      push('char', decodeQuoted(src.slice(i, j), i), i, j);
      i = j;
    } else if (c === '$') {
      let j = i + 1;
      while (isAlnum(src[j])) j++;
      push('variable', src.slice(i, j), i, j);
      i = j;
    } else if (c === '.' && !/[0-9]/.test(src[i + 1] ?? '')) {
      if (isAlnum(src[i + 1])) {
        let j = i + 1;
        while (isAlnum(src[j])) j++;
        push('field', src.slice(i + 1, j), i, j);
        i = j;
      } else {
        push('dot', '.', i, ++i);
      }
    } else if (/[0-9+\-.]/.test(c)) {
      const m = /^[+-]?(?:0[xX][0-9a-fA-F_]*(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]+)?|0[bB][01_]+|0[oO][0-7_]+|[0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?)i?/.exec(src.slice(i));
      const text = m?.[0] ?? '';
      if (text === '' || text === '+' || text === '-' || text === '.' || isAlnum(src[i + text.length])) {
        throw new TemplateSyntaxError(`bad number syntax: ${JSON.stringify(src.slice(i, i + Math.max(text.length, 1) + 1))}`, i);
      }
      push('number', text, i, i + text.length);
      i += text.length;
    } else if (isAlnum(c)) {
      let j = i;
      while (isAlnum(src[j])) j++;
      const word = src.slice(i, j);
      const kind: TokenKind = word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : KEYWORDS.has(word) ? 'keyword' : 'identifier';
      push(kind, word, i, j);
      i = j;
    } else {
      throw new TemplateSyntaxError(`unrecognized character in action: ${JSON.stringify(c)}`, i);
    }
  }
}

function scanQuoted(src: string, start: number, q: string): number {
  let i = start + 1;
  for (;;) {
    const c = src[i];
    if (c === undefined || c === '\n') {
      throw new TemplateSyntaxError(q === '"' ? 'unterminated quoted string' : 'unterminated character constant', start, `close it with ${q}`);
    }
    if (c === '\\') i += 2;
    else if (c === q) return i + 1;
    else i++;
  }
}

const SIMPLE_ESC: Record<string, string> = { a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** Decodes a Go interpreted string or char literal (with its quotes), as strconv.Unquote. */
function decodeQuoted(lit: string, pos: number): string {
  const q = lit[0] ?? '"';
  const body = lit.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1] ?? '';
    if ((e === "'" && q === '"') || (e === '"' && q === "'")) throw new TemplateSyntaxError(`invalid escape \\${e} in ${q === '"' ? 'string' : 'character'} literal`, pos + 1 + i);
    if (e in SIMPLE_ESC) {
      out += SIMPLE_ESC[e];
      i += 2;
      continue;
    }
    const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hex > 0) {
      const h = body.slice(i + 2, i + 2 + hex);
      if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(h)) throw new TemplateSyntaxError(`invalid escape in quoted literal`, pos + 1 + i);
      const cp = parseInt(h, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff && e !== 'x')) throw new TemplateSyntaxError('invalid Unicode code point in escape', pos + 1 + i);
      if (e === 'x' && cp >= 0x80) throw new TemplateSyntaxError('ork: \\x escapes above \\x7f (raw bytes) are not supported; use \\u', pos + 1 + i);
      out += String.fromCodePoint(cp);
      i += 2 + hex;
      continue;
    }
    if (/[0-7]/.test(e)) {
      const o = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(o)) throw new TemplateSyntaxError('invalid octal escape', pos + 1 + i);
      const cp = parseInt(o, 8);
      if (cp >= 0x80) throw new TemplateSyntaxError('ork: octal escapes above \\177 (raw bytes) are not supported; use \\u', pos + 1 + i);
      out += String.fromCodePoint(cp);
      i += 4;
      continue;
    }
    throw new TemplateSyntaxError(`invalid escape \\${e} in quoted literal`, pos + 1 + i);
  }
  if (q === "'" && Array.from(out).length !== 1) throw new TemplateSyntaxError(`malformed character constant: ${lit}`, pos);
  return out;
}
