/**
 * Emitter: a parsed template → TypeScript source of a function `(data, ctx?) => string` that
 * calls the pure helpers of runtime-kit/template (imported by the caller under `rt`). User text
 * reaches the output only as JSON string literals; identifiers are generated (`d0`, `v1`) or
 * come from the function table and the caller's note references, which must be plain
 * identifiers. Nothing is ever evaluated at run time.
 */
import type { Command, Expr, Node, Pipeline, TemplateAst } from './ast.ts';
import { findFunction, type ParamType } from './functions.ts';
import { pruneUnused } from './prune.ts';

/** A runtime origin for error messages: file position plus the source of the action. */
export interface EmitOrigin {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly expr: string;
}

/** What the emitter needs besides the tree. */
export interface EmitOptions {
  /** Maps a source offset to an origin (file, line, column). */
  readonly origin: (pos: number, end: number) => EmitOrigin;
  /** User notes: template name → identifier of its compiled function in the generated module. */
  readonly notes?: ReadonlyMap<string, string>;
  /** Sentinel names callable in this template. */
  readonly sentinels?: ReadonlySet<string>;
  /** Emit a note body (`rt.runNote`) instead of a renderer. */
  readonly asNote?: boolean;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** runtime-kit/template checks for typed Go parameters. */
const ARG_CHECK: Record<Exclude<ParamType, 'any'>, string> = { string: 'argString', int: 'argInt', bool: 'argBool', '[]string': 'argStringSlice' };

/** A JS string literal for arbitrary user text (U+2028/9 escaped too). */
export function lit(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

class Emitter {
  private readonly lines: string[] = [];
  private readonly origins: string[] = [];
  private readonly originIndex = new Map<string, number>();
  private n = 0;
  private depth = 1;
  /** Template variable name → JS identifier, innermost scope last. */
  private readonly scopes: Map<string, string>[] = [new Map([['$', 'data']])];
  /** JS identifiers holding pipeline results (nil there is Go's invalid value). */
  private readonly lenient = new Set<string>();
  /** JS identifiers of `with` dots: pipeline results, never nil. */
  private readonly concrete = new Set<string>();
  private readonly opts: EmitOptions;
  private readonly src: string;

  constructor(src: string, opts: EmitOptions) {
    this.src = src;
    this.opts = opts;
  }

  private fresh(prefix: string): string {
    return `${prefix}${this.n++}`;
  }
  private line(s: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${s}`);
  }
  private at(pos: number, end: number): string {
    const o = this.opts.origin(pos, end);
    const key = lit(JSON.stringify(o));
    let i = this.originIndex.get(key);
    if (i === undefined) {
      i = this.origins.length;
      this.origins.push(`{ file: ${lit(o.file)}, line: ${o.line}, column: ${o.column}, expr: ${lit(o.expr)} }`);
      this.originIndex.set(key, i);
    }
    return `P[${i}]`;
  }
  private lookup(name: string): string | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i]?.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  private block(f: () => void): void {
    this.scopes.push(new Map());
    this.depth++;
    f();
    this.depth--;
    this.scopes.pop();
  }

  emit(ast: TemplateAst): string {
    this.nodes(ast.nodes, 'data');
    const body = pruneUnused(this.lines).join('\n');
    const table = this.origins.length > 0 ? `  const P: readonly rt.TemplateOrigin[] = [${this.origins.join(', ')}];` : '  // (no runtime origins needed)';
    if (this.opts.asNote) {
      return `(data: rt.TemplateData, ctx?: rt.RenderContext): rt.GoValue => {\n${table}\n  return rt.runNote((o) => {\n${body}\n  });\n}`;
    }
    return `(data: rt.TemplateData, ctx?: rt.RenderContext): string => {\n${table}\n  const o = new rt.Out();\n${body}\n  return o.done();\n}`;
  }

  private nodes(nodes: readonly Node[], dot: string): void {
    for (const node of nodes) this.node(node, dot);
  }

  private node(node: Node, dot: string): void {
    switch (node.kind) {
      case 'text':
        this.line(`o.text(${lit(node.text)});`);
        return;
      case 'action': {
        const v = this.pipeline(node.pipe, dot);
        if (node.pipe.vars.length > 0) this.bindVars(node.pipe, v);
        else this.line(`o.value(${v});`);
        return;
      }
      case 'if':
      case 'with': {
        this.line('{');
        this.block(() => {
          const v = this.fresh('c');
          this.line(`const ${v}: rt.GoValue = ${this.pipeline(node.pipe, dot)};`);
          if (node.pipe.vars.length > 0) this.bindVars(node.pipe, v);
          this.line(`if (rt.truth(${v})) {`);
          if (node.kind === 'with') this.concrete.add(v);
          this.block(() => this.nodes(node.list, node.kind === 'with' ? v : dot));
          if (node.elseList) {
            this.line('} else {');
            this.block(() => this.nodes(node.elseList ?? [], dot));
          }
          this.line('}');
        });
        this.line('}');
        return;
      }
      case 'range':
        this.range(node, dot);
        return;
      case 'break':
      case 'continue':
        this.line(`${node.kind};`);
        return;
    }
  }

  private bindVars(pipe: Pipeline, value: string): void {
    const v = pipe.vars[0];
    if (v === undefined) return;
    if (pipe.assign) {
      const target = this.lookup(v.name);
      this.line(target === undefined ? `throw new rt.TemplateError(${lit(`undefined variable: ${v.name}`)}, ${this.at(v.pos, v.end)});` : `${target} = ${value};`);
      return;
    }
    const js = this.fresh('v');
    this.line(`let ${js}: rt.GoValue = ${value};`);
    this.scopes.at(-1)?.set(v.name, js);
    this.lenient.add(js);
  }

  private range(node: Extract<Node, { kind: 'range' }>, dot: string): void {
    const pipe = node.pipe;
    const items = this.fresh('r');
    const two = pipe.vars.length === 2;
    this.line('{');
    this.block(() => {
      const last = pipe.cmds.at(-1) ?? pipe;
      const value = this.fresh('c');
      this.line(`const ${value}: rt.GoValue = ${this.pipeline({ ...pipe, vars: [] }, dot)};`);
      // Like Go's evalPipeline, the range variables first hold the ranged value itself (what
      // an {{else}} branch sees); each iteration then sets them to the key and element.
      const targets = pipe.vars.map((v) => {
        if (pipe.assign) {
          const target = this.lookup(v.name);
          if (target === undefined) {
            this.line(`throw new rt.TemplateError(${lit(`undefined variable: ${v.name}`)}, ${this.at(v.pos, v.end)});`);
            return undefined;
          }
          this.line(`${target} = ${value};`);
          return target;
        }
        const js = this.fresh('v');
        this.line(`let ${js}: rt.GoValue = ${value};`);
        this.scopes.at(-1)?.set(v.name, js);
        return js;
      });
      this.line(`const ${items} = rt.rangeOver(${this.at(last.pos, last.end)}, ${value}, ${two});`);
      if (node.elseList) {
        this.line(`if (${items}.length === 0) {`);
        this.block(() => this.nodes(node.elseList ?? [], dot));
        this.line('}');
      }
      const k = this.fresh('k');
      const e = this.fresh('e');
      this.line(`for (const [${k}, ${e}] of ${items}) {`);
      this.block(() => {
        const [a, b] = targets;
        if (targets.length === 2) {
          if (a) this.line(`${a} = ${k};`);
          if (b) this.line(`${b} = ${e};`);
        } else if (a) this.line(`${a} = ${e};`);
        this.nodes(node.list, e);
      });
      this.line('}');
    });
    this.line('}');
  }

  private pipeline(pipe: Pipeline, dot: string): string {
    const [first, ...rest] = pipe.cmds;
    if (first === undefined) return 'null';
    let value = this.command(first, dot, undefined);
    // Each later command gets the previous value as its last argument. Go computes that value
    // before the command's own arguments, so it is passed in first: rt.pipeStage(prev, (f) => cmd).
    for (const cmd of rest) {
      const f = this.fresh('f');
      value = `rt.pipeStage(${value}, (${f}: rt.GoValue) => ${this.command(cmd, dot, f)})`;
    }
    return value;
  }

  private command(cmd: Command, dot: string, final: string | undefined): string {
    const [first, ...rest] = cmd.args;
    if (first === undefined) return 'null';
    if (first.kind === 'function') return this.call(first.name, rest, dot, final, cmd.pos, cmd.end);
    return this.expr(first, dot);
  }

  /** An argument for a typed Go parameter, checked where Go checks it (in argument order). */
  private typedArg(value: string, p: ParamType | undefined, at: string, isFinal: boolean): string {
    if (p === undefined || p === 'any') return value;
    const checked = isFinal ? `rt.finalArg(${at}, ${value}, ${lit(p)})` : value;
    return `rt.${ARG_CHECK[p]}(${at}, ${checked})`;
  }

  private call(name: string, args: readonly Expr[], dot: string, final: string | undefined, pos: number, end: number): string {
    const sentinels = this.opts.sentinels;
    if (sentinels?.has(name)) return `rt.sentinel(ctx, ${lit(name)})`;
    const note = this.opts.notes?.get(name);
    if (note !== undefined) {
      if (!IDENT.test(note)) throw new Error(`note reference for ${name} is not an identifier`);
      return `${note}(data, ctx)`;
    }
    const f = findFunction(name);
    if (f === undefined || !IDENT.test(f.impl)) throw new Error(`unknown function ${name}`);
    const at = this.at(pos, end);
    // A nil that comes out of a pipeline (parentheses, `:=` variables) is Go's invalid value;
    // one read from a map is a nil interface. Go words the two errors differently.
    const fromPipeline = (a: Expr): boolean => a.kind === 'paren' || (a.kind === 'variable' && a.names.length === 0 && this.lenient.has(this.lookup(a.name) ?? ''));
    const values = args.map((a, i) => this.typedArg(this.expr(a, dot), f.params[i] ?? f.variadic, at, fromPipeline(a)));
    if (final !== undefined) values.push(this.typedArg(final, f.params[values.length] ?? f.variadic, at, true));
    if (f.lazy) return `rt.${f.impl}(${values.map((v) => `() => ${v}`).join(', ')})`;
    return `rt.${f.impl}(${[at, ...values].join(', ')})`;
  }

  private fields(target: string, names: readonly string[], pos: number, end: number): string {
    let out = target;
    for (const n of names) out = `rt.field(${this.at(pos, end)}, ${out}, ${lit(n)})`;
    return out;
  }

  private resultFields(target: string, names: readonly string[], pos: number, end: number): string {
    return `rt.resultField(${this.at(pos, end)}, ${target}, [${names.map(lit).join(', ')}])`;
  }

  private expr(e: Expr, dot: string): string {
    switch (e.kind) {
      case 'dot':
        return dot;
      case 'field':
        if (this.concrete.has(dot)) return this.resultFields(dot, e.names, e.pos, e.end);
        return this.fields(dot, e.names, e.pos, e.end);
      case 'variable': {
        const js = this.lookup(e.name);
        const base = js ?? `rt.fail(${lit(`undefined variable: ${e.name}`)}, ${this.at(e.pos, e.end)})`;
        if (js !== undefined && this.lenient.has(js) && e.names.length > 0) return this.resultFields(base, e.names, e.pos, e.end);
        return this.fields(base, e.names, e.pos, e.end);
      }
      case 'chain':
        if (e.target.kind === 'paren') return this.resultFields(this.expr(e.target, dot), e.names, e.pos, e.end);
        return this.fields(this.expr(e.target, dot), e.names, e.pos, e.end);
      case 'paren':
        return `(${this.pipeline(e.pipe, dot)})`;
      case 'function':
        return this.call(e.name, [], dot, undefined, e.pos, e.end);
      case 'string':
        return lit(e.value);
      case 'number':
        if (e.int !== undefined) return `(${e.int}n)`;
        return Object.is(e.float, -0) ? '(-0)' : `(${String(e.float)})`;
      case 'bool':
        return e.value ? 'true' : 'false';
      case 'nil':
        return 'null';
    }
  }

  /** The source text of a span, for origins. */
  text(pos: number, end: number): string {
    return this.src.slice(pos, end);
  }
}

/** Emits the TypeScript source of one compiled template. */
export function emitTemplate(ast: TemplateAst, opts: EmitOptions): string {
  return new Emitter(ast.source, opts).emit(ast);
}
