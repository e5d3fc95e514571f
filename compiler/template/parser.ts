/**
 * Parser for Go template syntax into `ast.ts` nodes. Follows Go's text/template/parse rules:
 * pipelines with declarations, `if`/`else if`/`with`/`else with`/`range` (one or two range
 * variables, `else`, `break`, `continue`), parenthesised pipelines and field chains on
 * variables, parentheses and dot. Like Go's parser it rejects calls of undefined functions and
 * uses of undeclared variables; `define`/`template`/`block` are refused as not supported.
 */
import type { Command, Expr, Node, Pipeline, TemplateAst, VarDecl } from './ast.ts';
import { lex, type Token } from './lexer.ts';
import { didYouMean, suggest } from './suggest.ts';
import { TemplateSyntaxError } from './syntax-error.ts';

/** What the parser needs to know about names. */
export interface ParseOptions {
  /** True when `name` may be called as a function. */
  readonly isFunction: (name: string) => boolean;
  /** Called for a name that is not a function, to build the error hint (did-you-mean). */
  readonly functionHint?: (name: string) => string | undefined;
}

const INT_RE = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;
const INT64_MAX = 2n ** 63n - 1n;

/** Parses a Go number literal the way text/template turns it into a value. */
export function parseNumber(text: string, pos: number): { int?: bigint; float: number } {
  const clean = text.replace(/_/g, '');
  if (clean.endsWith('i')) throw new TemplateSyntaxError(`complex number ${text} is not supported`, pos, undefined, 'ORK102');
  const neg = clean.startsWith('-');
  const body = clean.replace(/^[+-]/, '');
  if (INT_RE.test(body)) {
    const lit = /^0[0-7]+$/.test(body) ? `0o${body.slice(1)}` : body.replace(/^0[oO]/, '0o');
    const mag = BigInt(lit);
    const v = neg ? -mag : mag;
    if (v > INT64_MAX || v < -INT64_MAX - 1n) throw new TemplateSyntaxError(`number ${text} overflows int`, pos);
    return { int: v, float: Number(v) };
  }
  const f = /^0[xX]/.test(body) ? NaN : Number(body);
  if (!Number.isFinite(f)) throw new TemplateSyntaxError(`illegal number syntax: ${JSON.stringify(text)}`, pos);
  return { float: neg ? -f : f };
}

class Parser {
  private i = 0;
  private readonly toks: Token[];
  /** Variable scopes; each holds the names declared in one block. */
  private readonly scopes: string[][] = [['$']];
  private rangeDepth = 0;
  readonly src: string;
  private readonly opts: ParseOptions;

  constructor(src: string, opts: ParseOptions) {
    this.src = src;
    this.opts = opts;
    this.toks = lex(src);
  }

  private peek(k = 0): Token {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)] as Token;
  }
  private next(): Token {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  private err(msg: string, t: Token, hint?: string, code?: string): never {
    throw new TemplateSyntaxError(msg, t.pos, hint, code);
  }
  private expect(kind: Token['kind'], what: string): Token {
    const t = this.next();
    if (t.kind !== kind) this.err(`unexpected ${describe(t)} in ${what}`, t);
    return t;
  }

  parseTemplate(): Node[] {
    const { nodes, stop } = this.list();
    if (stop !== undefined) this.err(`unexpected {{${stop.value}}}`, stop, stop.value === 'end' ? 'there is no open if/range/with to end' : undefined);
    return nodes;
  }

  /** Parses nodes until `{{end}}`, `{{else}}` (returned as `stop`, with the open token consumed) or EOF. */
  private list(): { nodes: Node[]; stop?: Token; open?: Token } {
    const nodes: Node[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof') return { nodes };
      if (t.kind === 'text') {
        this.next();
        nodes.push({ kind: 'text', text: t.value, pos: t.pos, end: t.end });
        continue;
      }
      const open = this.next();
      const kw = this.peek();
      if (kw.kind === 'keyword' && (kw.value === 'end' || kw.value === 'else')) return { nodes, stop: kw, open };
      nodes.push(this.action(open));
    }
  }

  private action(open: Token): Node {
    const t = this.peek();
    if (t.kind === 'keyword') {
      this.next();
      switch (t.value) {
        case 'if':
        case 'with':
          return this.control(t.value, open);
        case 'range':
          return this.range(open);
        case 'break':
        case 'continue': {
          if (this.rangeDepth === 0) this.err(`{{${t.value}}} outside {{range}}`, t);
          const close = this.expect('close', t.value);
          return { kind: t.value, pos: open.pos, end: close.end };
        }
        default:
          this.err(`{{${t.value}}} is not supported by ork`, t, 'Orkestra evaluates each field as one template; define/template/block have no use there', 'ORK106');
      }
    }
    const pipe = this.pipeline('command', true);
    const close = this.expect('close', 'command');
    return { kind: 'action', pipe, pos: open.pos, end: close.end };
  }

  private control(kind: 'if' | 'with', open: Token): Node {
    this.scopes.push([]);
    const pipe = this.pipeline(kind, false);
    this.expect('close', kind);
    const body = this.list();
    let elseList: Node[] | undefined;
    let endTok = this.finishBlock(kind, body.stop, open);
    if (body.stop?.value === 'else') {
      this.next();
      const again = this.peek();
      if (again.kind === 'keyword' && again.value === kind) {
        // `{{else if …}}` / `{{else with …}}`: a nested control that shares our {{end}}.
        this.next();
        const nested = this.control(kind, body.open ?? open);
        elseList = [nested];
        this.scopes.pop();
        return { kind, pipe, list: body.nodes, elseList, pos: open.pos, end: nested.end };
      }
      this.expect('close', 'else');
      const rest = this.list();
      elseList = rest.nodes;
      if (rest.stop?.value !== 'end') this.err(rest.stop ? `expected end; found {{${rest.stop.value}}}` : `unexpected EOF: missing {{end}} for {{${kind}}}`, rest.stop ?? this.peek(), `close the {{${kind}}} that starts here`);
      endTok = this.closeEnd();
    }
    this.scopes.pop();
    return { kind, pipe, list: body.nodes, ...(elseList ? { elseList } : {}), pos: open.pos, end: endTok };
  }

  private finishBlock(kind: string, stop: Token | undefined, open: Token): number {
    if (stop === undefined) throw new TemplateSyntaxError(`unexpected EOF: missing {{end}} for {{${kind}}}`, open.pos, `add {{end}} to close the {{${kind}}} that starts here`, 'ORK103');
    if (stop.value === 'end') return this.closeEnd();
    return stop.end;
  }

  private closeEnd(): number {
    this.next();
    return this.expect('close', 'end').end;
  }

  private range(open: Token): Node {
    this.scopes.push([]);
    const pipe = this.pipeline('range', false);
    this.expect('close', 'range');
    this.rangeDepth++;
    const body = this.list();
    this.rangeDepth--;
    let elseList: Node[] | undefined;
    let end = this.finishBlock('range', body.stop, open);
    if (body.stop?.value === 'else') {
      this.next();
      this.expect('close', 'else');
      const rest = this.list();
      if (rest.stop?.value !== 'end') this.err(rest.stop ? `expected end; found {{${rest.stop.value}}}` : 'unexpected EOF: missing {{end}} for {{range}}', rest.stop ?? this.peek());
      elseList = rest.nodes;
      end = this.closeEnd();
    }
    this.scopes.pop();
    return { kind: 'range', pipe, list: body.nodes, ...(elseList ? { elseList } : {}), pos: open.pos, end };
  }

  private declared(name: string): boolean {
    return this.scopes.some((s) => s.includes(name));
  }

  /** A pipeline up to (not including) `}}` or `)`. */
  private pipeline(context: string, allowEmpty: boolean): Pipeline {
    const start = this.peek().pos;
    const vars: VarDecl[] = [];
    let assign = false;
    // Declarations: $x := / $x = / $i, $e := (range only).
    const t0 = this.peek();
    if (t0.kind === 'variable') {
      const t1 = this.peek(1);
      if (t1.kind === 'declare' || t1.kind === 'assign' || (t1.kind === 'comma' && context === 'range')) {
        this.next();
        vars.push({ name: t0.value, pos: t0.pos, end: t0.end });
        if (t1.kind === 'comma') {
          this.next();
          const v2 = this.expect('variable', 'range declaration');
          vars.push({ name: v2.value, pos: v2.pos, end: v2.end });
        }
        const op = this.next();
        if (op.kind !== 'declare' && op.kind !== 'assign') this.err(`expected := or =; found ${describe(op)}`, op);
        assign = op.kind === 'assign';
        if (t1.kind === 'comma' && context !== 'range') this.err('too many declarations', t1);
      }
    }
    const cmds: Command[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'close' || t.kind === 'rparen' || t.kind === 'eof') break;
      cmds.push(this.command(context));
      const n = this.peek();
      // Like Go, a pipe may also end the pipeline: `{{ .x | }}` is `{{ .x }}`.
      if (n.kind === 'pipe') this.next();
      else if (n.kind !== 'close' && n.kind !== 'rparen') this.err(`unexpected ${describe(n)} in ${context}`, n);
    }
    if (cmds.length === 0 && (!allowEmpty || vars.length > 0)) this.err(`missing value for ${context}`, this.peek(), undefined, 'ORK101');
    if (cmds.length === 0) this.err('empty command', this.peek());
    cmds.forEach((c, idx) => {
      const first = c.args[0];
      if (idx > 0 && first !== undefined && first.kind !== 'function' && first.kind !== 'field' && first.kind !== 'chain' && first.kind !== 'variable') {
        throw new TemplateSyntaxError(`non executable command in pipeline stage ${idx + 1}`, c.pos);
      }
    });
    // Declare after parsing the pipeline: `$x := $x` refers to an outer $x.
    for (const v of vars) {
      if (assign) {
        // Go's parser lets this through and fails when the assignment runs; ork refuses it.
        if (!this.declared(v.name)) throw new TemplateSyntaxError(`assignment to undeclared variable "${v.name}"`, v.pos, `declare it first with ${v.name} := …`, 'ORK113');
      } else {
        this.scopes.at(-1)?.push(v.name);
      }
    }
    return { vars, assign, cmds, pos: start, end: cmds.at(-1)?.end ?? start };
  }

  private command(context: string): Command {
    const args: Expr[] = [];
    const start = this.peek().pos;
    for (;;) {
      const t = this.peek();
      if (t.kind === 'close' || t.kind === 'rparen' || t.kind === 'pipe' || t.kind === 'eof') break;
      if (args.length > 0 && !t.spaced) this.err(`missing space before ${describe(t)}`, t);
      args.push(this.operand(context));
    }
    if (args.length === 0) this.err(`missing value for ${context}`, this.peek());
    const first = args[0] as Expr;
    if (args.length === 1 && first.kind === 'nil') throw new TemplateSyntaxError('nil is not a command', first.pos, undefined, 'ORK109');
    if (args.length > 1 && first.kind !== 'function' && first.kind !== 'field' && first.kind !== 'chain' && first.kind !== 'variable') {
      // Go fails here when the action runs; it always does, so ork refuses it now.
      throw new TemplateSyntaxError(`can't give argument to non-function ${this.src.slice(first.pos, first.end)}`, first.pos, 'only functions take arguments', 'ORK109');
    }
    return { args, pos: start, end: (args.at(-1) as Expr).end };
  }

  private operand(context: string): Expr {
    const term = this.term(context);
    const names: string[] = [];
    let end = term.end;
    while (this.peek().kind === 'field' && !this.peek().spaced) {
      const f = this.next();
      names.push(f.value);
      end = f.end;
    }
    if (names.length === 0) return term;
    switch (term.kind) {
      case 'field':
        return { ...term, names: [...term.names, ...names], end };
      case 'variable':
        return { ...term, names: [...term.names, ...names], end };
      case 'paren':
      case 'chain':
      case 'dot':
      case 'function':
        if (term.kind === 'function') {
          // Go calls the function without arguments and then fails on the field (or on the
          // argument count): always an execution error, so ork refuses it here.
          this.err(`field access on function ${term.name}`, this.peek(), `write (${term.name} …).field to use a field of a function result`, 'ORK109');
        }
        if (term.kind === 'dot') this.err(`unexpected . after term ${JSON.stringify(this.src.slice(term.pos, term.end))}`, this.peek());
        return { kind: 'chain', target: term, names, pos: term.pos, end };
      default:
        return this.err(`unexpected . after term ${JSON.stringify(this.src.slice(term.pos, term.end))}`, this.peek());
    }
  }

  private term(context: string): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'dot':
        return { kind: 'dot', pos: t.pos, end: t.end };
      case 'field':
        return { kind: 'field', names: [t.value], pos: t.pos, end: t.end };
      case 'variable': {
        if (!this.declared(t.value)) {
          const near = didYouMean(suggest(t.value, this.scopes.flat()));
          throw new TemplateSyntaxError(`undefined variable "${t.value}"`, t.pos, near ?? `declare it with {{ ${t.value} := … }} before using it`, 'ORK104');
        }
        return { kind: 'variable', name: t.value, names: [], pos: t.pos, end: t.end };
      }
      case 'identifier': {
        if (!this.opts.isFunction(t.value)) {
          throw new TemplateSyntaxError(`function "${t.value}" not defined`, t.pos, this.opts.functionHint?.(t.value), 'ORK105');
        }
        return { kind: 'function', name: t.value, pos: t.pos, end: t.end };
      }
      case 'string':
        return { kind: 'string', value: t.value, pos: t.pos, end: t.end };
      case 'char': {
        const cp = t.value.codePointAt(0) ?? 0;
        return { kind: 'number', text: this.src.slice(t.pos, t.end), int: BigInt(cp), float: cp, pos: t.pos, end: t.end };
      }
      case 'number': {
        const n = parseNumber(t.value, t.pos);
        return { kind: 'number', text: t.value, ...n, pos: t.pos, end: t.end };
      }
      case 'bool':
        return { kind: 'bool', value: t.value === 'true', pos: t.pos, end: t.end };
      case 'nil':
        return { kind: 'nil', pos: t.pos, end: t.end };
      case 'lparen': {
        const pipe = this.pipeline('parenthesized pipeline', false);
        const r = this.expect('rparen', 'parenthesized pipeline');
        return { kind: 'paren', pipe, pos: t.pos, end: r.end };
      }
      default:
        return this.err(`unexpected ${describe(t)} in ${context}`, t);
    }
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'close':
      return '"}}"';
    case 'eof':
      return 'EOF';
    case 'keyword':
      return `<${t.value}>`;
    default:
      return JSON.stringify(t.value);
  }
}

/** Parses a template source; throws `TemplateSyntaxError`. */
export function parseTemplate(source: string, opts: ParseOptions): TemplateAst {
  return { source, nodes: new Parser(source, opts).parseTemplate() };
}
