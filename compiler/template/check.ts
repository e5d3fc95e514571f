/**
 * Type checker: resolves every field path of a template against the data's structural schema
 * (with did-you-mean suggestions), follows dot through `with`/`range` and variables, checks
 * calls against the function table (arity, literal argument types, schema types for typed
 * parameters) and infers the type of each pipeline.
 */
import type { Command, Expr, Node, Pipeline, TemplateAst } from './ast.ts';
import { arity, findFunction, type ParamType } from './functions.ts';
import { didYouMean, suggest } from './suggest.ts';
import { ANY, type DataSchema, type TemplateType, showType, typeOfSchema } from './types.ts';

/** A problem found by the checker, at a source offset. */
export interface CheckProblem {
  readonly code: string;
  readonly message: string;
  readonly pos: number;
  readonly hint?: string;
}

/** A type with the data path it was read from (when it comes from the data). */
interface Typed {
  readonly t: TemplateType;
  readonly path?: string;
  /**
   * Go holds the value as an `interface {}` (a field read, a range element) rather than a
   * concrete value (literals, function and pipeline results, `:=` variables). Only `slice`
   * cares: it refuses interface-held indexes.
   */
  readonly boxed?: boolean;
}

/** Inputs of the checker. */
export interface CheckOptions {
  /** The type of `.` (and `$`) at the template's top. */
  readonly root: TemplateType;
  readonly notes?: ReadonlySet<string>;
  readonly sentinels?: ReadonlySet<string>;
}

/** Result: problems, data paths read, functions called, and the template's result type. */
export interface CheckResult {
  readonly problems: CheckProblem[];
  readonly usedPaths: string[];
  /** Every function, note and sentinel the template calls (for note dependency cycles). */
  readonly calls: string[];
  readonly type: TemplateType;
}

const STRINGY: TemplateType = { kind: 'string' };

class Checker {
  readonly problems: CheckProblem[] = [];
  readonly paths = new Set<string>();
  readonly calls = new Set<string>();
  /** Type of the last top-level action, for single-action templates. */
  lastAction: TemplateType | undefined;
  private readonly scopes: Map<string, Typed>[] = [];
  private readonly opts: CheckOptions;

  constructor(opts: CheckOptions) {
    this.opts = opts;
    this.scopes.push(new Map([['$', { t: opts.root, path: '' }]]));
  }

  private problem(code: string, message: string, pos: number, hint?: string): void {
    this.problems.push({ code, message, pos, ...(hint ? { hint } : {}) });
  }

  private lookup(name: string): Typed | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i]?.get(name);
      if (v) return v;
    }
    return undefined;
  }

  private scoped(f: () => void): void {
    this.scopes.push(new Map());
    f();
    this.scopes.pop();
  }

  nodes(nodes: readonly Node[], dot: Typed): void {
    for (const n of nodes) this.node(n, dot);
  }

  private node(n: Node, dot: Typed): void {
    switch (n.kind) {
      case 'text':
      case 'break':
      case 'continue':
        return;
      case 'action': {
        const v = this.pipeline(n.pipe, dot);
        this.lastAction = v.t;
        this.bindVars(n.pipe, v);
        return;
      }
      case 'if':
      case 'with':
        this.scoped(() => {
          const v = this.pipeline(n.pipe, dot);
          this.bindVars(n.pipe, v);
          this.scoped(() => this.nodes(n.list, n.kind === 'with' ? { ...v, t: { ...v.t, optional: false }, boxed: false } : dot));
          if (n.elseList) this.scoped(() => this.nodes(n.elseList ?? [], dot));
        });
        return;
      case 'range':
        this.scoped(() => {
          const v = this.pipeline({ ...n.pipe, vars: [] }, dot);
          const { key, elem } = this.elements(v, n.pipe.pos);
          this.scoped(() => {
            const [a, b] = n.pipe.vars;
            if (!n.pipe.assign) {
              if (a && b) {
                this.scopes.at(-1)?.set(a.name, key);
                this.scopes.at(-1)?.set(b.name, elem);
              } else if (a) this.scopes.at(-1)?.set(a.name, elem);
            }
            this.nodes(n.list, elem);
          });
          if (n.elseList) this.scoped(() => this.nodes(n.elseList ?? [], dot));
        });
        return;
    }
  }

  private elements(v: Typed, pos: number): { key: Typed; elem: Typed } {
    const t = v.t;
    switch (t.kind) {
      case 'list':
        return { key: { t: { kind: 'integer' } }, elem: { t: typeOfSchema(t.schema?.items), boxed: true, ...(v.path !== undefined ? { path: `${v.path}[]` } : {}) } };
      case 'object': {
        const ap = t.schema?.additionalProperties;
        return { key: { t: STRINGY }, elem: { t: typeof ap === 'object' ? typeOfSchema(ap) : ANY, boxed: true } };
      }
      case 'integer':
        return { key: { t: { kind: 'integer' } }, elem: { t: { kind: 'integer' } } };
      case 'string':
      case 'boolean':
      case 'number':
        this.problem('ORK111', `range can't iterate over a ${t.kind}${v.path ? ` (${v.path})` : ''}`, pos);
        return { key: { t: ANY }, elem: { t: ANY } };
      default:
        return { key: { t: ANY }, elem: { t: ANY, boxed: true } };
    }
  }

  private bindVars(pipe: Pipeline, v: Typed): void {
    const d = pipe.vars[0];
    if (d === undefined || pipe.assign) return;
    this.scopes.at(-1)?.set(d.name, { ...v, boxed: false });
  }

  private pipeline(pipe: Pipeline, dot: Typed): Typed {
    let v: Typed | undefined;
    for (const cmd of pipe.cmds) v = this.command(cmd, dot, v);
    // Go unwraps each command's interface result before going on.
    return v ? { ...v, boxed: false } : { t: ANY };
  }

  private command(cmd: Command, dot: Typed, final: Typed | undefined): Typed {
    const [first, ...rest] = cmd.args;
    if (first === undefined) return { t: ANY };
    if (first.kind === 'function') return this.call(first.name, rest, dot, final, first.pos);
    if (final !== undefined || rest.length > 0) {
      const src = first.kind === 'variable' ? first.name : 'field';
      this.problem('ORK109', `${first.kind === 'variable' ? `can't give argument to non-function ${src}` : `${fieldText(first)} is not a method but has arguments`}`, first.pos, 'only functions take arguments; map fields never do');
    }
    return this.expr(first, dot);
  }

  private call(name: string, args: readonly Expr[], dot: Typed, final: Typed | undefined, pos: number): Typed {
    this.calls.add(name);
    const typed = args.map((a) => ({ e: a as Expr | undefined, v: this.expr(a, dot) }));
    if (final !== undefined) typed.push({ e: undefined, v: final });
    if (this.opts.sentinels?.has(name) || this.opts.notes?.has(name)) {
      if (typed.length > 0) this.problem('ORK107', `wrong number of args for ${name}: want 0 got ${typed.length}`, pos, `${name} is a note without parameters`);
      return { t: this.opts.sentinels?.has(name) ? STRINGY : ANY };
    }
    const f = findFunction(name);
    if (f === undefined) return { t: ANY };
    const [min, max] = arity(f);
    if (typed.length < min || typed.length > max) {
      const want = max === Infinity ? `at least ${min}` : `${min}`;
      this.problem('ORK107', `wrong number of args for ${name}: want ${want} got ${typed.length}`, pos, `example: ${f.example}`);
    }
    if (name === 'slice') {
      args.forEach((a, i) => {
        const v = typed[i]?.v;
        if (i > 0 && v?.boxed) {
          this.problem('ORK108', `slice index ${v.path ?? 'value'} is held as interface {} by Go, and slice refuses such indexes`, a.pos, 'bind it to a variable first: {{ $i := .spec.n }}{{ slice .spec.s $i }}');
        }
      });
    }
    typed.forEach(({ e, v }, i) => {
      const p: ParamType | undefined = f.params[i] ?? f.variadic;
      if (p === undefined || p === 'any') return;
      const bad = mismatch(p, e, v.t);
      if (bad) this.problem('ORK108', `wrong type for argument ${i + 1} of ${name}: expected ${goParam(p)}; ${bad}`, e?.pos ?? pos, `example: ${f.example}`);
    });
    return { t: { kind: f.returns, ...(f.returns === 'any' ? { open: true } : {}) } };
  }

  private fieldsOn(base: Typed, names: readonly string[], pos: number, label: string): Typed {
    let cur = base;
    let shown = label;
    for (const name of names) {
      cur = this.field(cur, name, pos, shown);
      shown = `${shown === '.' ? '' : shown}.${name}`;
    }
    if (cur.path !== undefined) this.paths.add(cur.path);
    return names.length > 0 ? { ...cur, boxed: true } : cur;
  }

  private field(recv: Typed, name: string, pos: number, shown: string): Typed {
    const t = recv.t;
    const path = recv.path !== undefined ? `${recv.path}.${name}` : undefined;
    const next = (nt: TemplateType): Typed => (path !== undefined ? { t: nt, path } : { t: nt });
    if (t.kind === 'any') return next(ANY);
    if (t.kind !== 'object') {
      this.problem('ORK111', `can't evaluate field ${name} on ${shown}, which is ${showType(t)}`, pos, t.kind === 'list' ? 'use index to pick an element: index LIST 0' : undefined);
      return next(ANY);
    }
    const s: DataSchema | undefined = t.schema;
    const prop = s?.properties?.[name];
    if (prop !== undefined) return next(typeOfSchema(prop, !(s?.required ?? []).includes(name)));
    const ap = s?.additionalProperties;
    if (typeof ap === 'object') return next(typeOfSchema(ap, true));
    if (t.open || ap === true) return next({ ...ANY, optional: true });
    const candidates = Object.keys(s?.properties ?? {});
    const prefix = shown === '.' ? '' : shown;
    const near = suggest(name, candidates).map((c) => `${prefix}.${c}`);
    this.problem('ORK110', `field ${prefix}.${name} does not exist`, pos, didYouMean(near) ?? (candidates.length > 0 ? `${shown} has: ${candidates.slice(0, 8).join(', ')}` : undefined));
    return next(ANY);
  }

  private expr(e: Expr, dot: Typed): Typed {
    switch (e.kind) {
      case 'dot':
        return dot;
      case 'field':
        return this.fieldsOn(dot, e.names, e.pos, dot.path === '' ? '.' : (dot.path ?? '.'));
      case 'variable': {
        const v = this.lookup(e.name) ?? { t: ANY };
        return e.names.length > 0 ? this.fieldsOn(v, e.names, e.pos, e.name) : v;
      }
      case 'chain':
        return this.fieldsOn({ t: this.expr(e.target, dot).t }, e.names, e.pos, '(…)');
      case 'paren':
        return this.pipeline(e.pipe, dot);
      case 'function':
        return this.call(e.name, [], dot, undefined, e.pos);
      case 'string':
        return { t: STRINGY };
      case 'number':
        return { t: { kind: e.int !== undefined ? 'integer' : 'number' } };
      case 'bool':
        return { t: { kind: 'boolean' } };
      case 'nil':
        return { t: { kind: 'nil' } };
    }
  }
}

function fieldText(e: Expr): string {
  return e.kind === 'field' ? `.${e.names.join('.')}` : 'field';
}

function goParam(p: ParamType): string {
  return p === 'int' ? 'integer' : p;
}

/** Why a value of static type `t` cannot be passed to a parameter of type `p` (or undefined). */
function mismatch(p: ParamType, e: Expr | undefined, t: TemplateType): string | undefined {
  if (e !== undefined && (e.kind === 'string' || e.kind === 'number' || e.kind === 'bool' || e.kind === 'nil')) {
    const ok = (p === 'string' && e.kind === 'string') || (p === 'int' && e.kind === 'number' && e.int !== undefined) || (p === 'bool' && e.kind === 'bool');
    return ok ? undefined : `found a ${e.kind} literal`;
  }
  const want: Partial<Record<ParamType, TemplateType['kind']>> = { string: 'string', int: 'integer', bool: 'boolean', '[]string': 'list' };
  const k = want[p];
  if (p === '[]string' && t.kind === 'list' && t.schema !== undefined) return 'got a list from the data, which is []interface {} (use split or mapKeys for a []string)';
  if (t.kind === 'any' || t.kind === k) return undefined;
  return `got ${showType(t)}`;
}

/** Type-checks a parsed template. */
export function checkTemplate(ast: TemplateAst, opts: CheckOptions): CheckResult {
  const c = new Checker(opts);
  const root: Typed = { t: opts.root, path: '' };
  c.nodes(ast.nodes, root);
  const significant = ast.nodes.filter((n) => !(n.kind === 'text' && n.text.trim() === ''));
  const only = significant.length === 1 ? significant[0] : undefined;
  const type: TemplateType = only?.kind === 'action' && only.pipe.vars.length === 0 && c.lastAction ? c.lastAction : STRINGY;
  return { problems: c.problems, usedPaths: [...c.paths].filter((p) => p !== '').sort(), calls: [...c.calls].sort(), type };
}
