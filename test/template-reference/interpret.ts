/**
 * A small reference interpreter for Go templates, written from the text/template documentation
 * ("Actions", "Arguments", "Pipelines", "Variables", "Functions"), independent of ork's emitter:
 * it walks the parsed tree directly and implements field access, truthiness, comparisons,
 * `range`/`with`/`if`, variables and `%v` printing itself. Only `printf`/`print` and the
 * Orkestra notes are borrowed from runtime-kit (they are not part of Go's template semantics).
 */
import type { Command, Expr, Node, Pipeline, TemplateAst } from '../../compiler/template/ast.ts';
import * as rt from '../../runtime-kit/template/index.ts';
import { findFunction } from '../../compiler/template/functions.ts';

type V = rt.GoValue;

class Stop extends Error {
  readonly kind: 'break' | 'continue';
  constructor(kind: 'break' | 'continue') {
    super(kind);
    this.kind = kind;
  }
}

/** An execution error of the reference interpreter. */
export class RefError extends Error {}

const isMap = (v: V): v is rt.GoMap => typeof v === 'object' && v !== null && !Array.isArray(v);

function truthy(v: V): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v !== '';
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (Array.isArray(v)) return v.length > 0;
  return Object.keys(v).length > 0;
}

function printV(v: V, top: boolean): string {
  if (v === null || v === undefined) return top ? '<no value>' : '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return rt.sprintf('%v', [v]);
  if (Array.isArray(v)) return `[${v.map((e) => printV(e, false)).join(' ')}]`;
  const keys = Object.keys(v).sort(rt.compareCodePoints);
  return `map[${keys.map((k) => `${k}:${printV((v as rt.GoMap)[k], false)}`).join(' ')}]`;
}

function kind(v: V): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string' || typeof v === 'boolean') return typeof v;
  return 'composite';
}

function eq2(a: V, b: V): boolean {
  const ka = kind(a);
  const kb = kind(b);
  if (ka === 'nil' || kb === 'nil') {
    if (ka === 'composite' && kb === 'composite') throw new RefError('non-comparable');
    return ka === kb;
  }
  if (ka === 'composite' || kb === 'composite') throw new RefError('non-comparable');
  if (ka !== kb) throw new RefError('incompatible types for comparison');
  return a === b;
}

function lt2(a: V, b: V): boolean {
  const ka = kind(a);
  const kb = kind(b);
  if (!['int', 'float', 'string'].includes(ka) || !['int', 'float', 'string'].includes(kb)) throw new RefError('invalid type for comparison');
  if (ka !== kb) throw new RefError('incompatible types for comparison');
  if (ka === 'string') return rt.compareCodePoints(a as string, b as string) < 0;
  return (a as number) < (b as number);
}

class Interp {
  private readonly vars: Array<[string, V]> = [];
  /** Variables bound to pipeline results: Go stores nil there as an invalid value, whose fields are empty. */
  private readonly results = new Set<string>();
  private out = '';
  readonly root: V;
  constructor(root: V) {
    this.root = root;
    this.vars.push(['$', root]);
  }

  run(ast: TemplateAst): string {
    this.list(ast.nodes, this.root);
    return rt.finish(this.out);
  }

  private varGet(name: string): V {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]?.[0] === name) return this.vars[i]?.[1] ?? null;
    throw new RefError(`undefined variable ${name}`);
  }
  private varSet(name: string, v: V): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const e = this.vars[i];
      if (e?.[0] === name) {
        e[1] = v;
        return;
      }
    }
    throw new RefError(`undefined variable ${name}`);
  }

  private list(nodes: readonly Node[], dot: V): void {
    const mark = this.vars.length;
    try {
      for (const n of nodes) this.node(n, dot);
    } finally {
      this.vars.length = mark;
    }
  }

  private node(n: Node, dot: V): void {
    switch (n.kind) {
      case 'text':
        this.out += n.text;
        return;
      case 'action': {
        const v = this.pipeline(n.pipe, dot);
        if (n.pipe.vars.length === 0) this.out += printV(v, true);
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.pipeline(n.pipe, dot);
        if (truthy(v)) this.list(n.list, n.kind === 'with' ? v : dot);
        else if (n.elseList) this.list(n.elseList, dot);
        this.vars.length = mark;
        return;
      }
      case 'range': {
        const mark = this.vars.length;
        const v = this.pipeline({ ...n.pipe, vars: [] }, dot);
        // The range variables first hold the ranged value (Go's evalPipeline declares them).
        for (const d of n.pipe.vars) {
          if (n.pipe.assign) this.varSet(d.name, v);
          else this.vars.push([d.name, v]);
        }
        const entries: Array<[V, V]> = [];
        if (Array.isArray(v)) v.forEach((e, i) => entries.push([BigInt(i), e ?? null]));
        else if (isMap(v)) for (const k of Object.keys(v).sort(rt.compareCodePoints)) entries.push([k, v[k] ?? null]);
        else if (typeof v === 'bigint') {
          if (n.pipe.vars.length > 1) throw new RefError('cannot iterate int with two variables');
          for (let i = 0n; i < v; i++) entries.push([i, i]);
        } else if (v !== null && v !== undefined) throw new RefError("range can't iterate");
        try {
          if (entries.length === 0) {
            if (n.elseList) this.list(n.elseList, dot);
            return;
          }
          for (const [k, e] of entries) {
            const [a, b] = n.pipe.vars;
            if (a && b) {
              this.varSet(a.name, k);
              this.varSet(b.name, e);
            } else if (a) this.varSet(a.name, e);
            try {
              this.list(n.list, e);
            } catch (err) {
              if (!(err instanceof Stop)) throw err;
              if (err.kind === 'break') break;
            }
          }
        } finally {
          this.vars.length = mark;
        }
        return;
      }
      case 'break':
      case 'continue':
        throw new Stop(n.kind);
    }
  }

  private pipeline(p: Pipeline, dot: V): V {
    let v: V | undefined;
    for (const c of p.cmds) v = this.command(c, dot, v);
    const val = v ?? null;
    const d = p.vars[0];
    if (d) {
      if (p.assign) this.varSet(d.name, val);
      else this.vars.push([d.name, val]);
      this.results.add(d.name);
    }
    return val;
  }

  private command(c: Command, dot: V, final: V | undefined): V {
    const [first, ...rest] = c.args;
    if (!first) return null;
    if (first.kind === 'function') return this.call(first.name, rest, dot, final);
    return this.eval(first, dot);
  }

  private call(name: string, args: readonly Expr[], dot: V, final: V | undefined): V {
    if (name === 'and' || name === 'or') {
      let v: V = null;
      const all = [...args.map((a) => () => this.eval(a, dot)), ...(final === undefined ? [] : [() => final])];
      for (const t of all) {
        v = t();
        if (truthy(v) === (name === 'or')) return v;
      }
      return v;
    }
    const vals = args.map((a) => this.eval(a, dot));
    if (final !== undefined) vals.push(final);
    switch (name) {
      case 'not':
        return !truthy(vals[0] ?? null);
      case 'eq':
        if (vals.length < 2) throw new RefError('missing argument');
        return vals.slice(1).some((b) => eq2(vals[0] ?? null, b ?? null));
      case 'ne':
        return !eq2(vals[0] ?? null, vals[1] ?? null);
      case 'lt':
        return lt2(vals[0] ?? null, vals[1] ?? null);
      case 'le':
        return lt2(vals[0] ?? null, vals[1] ?? null) || eq2(vals[0] ?? null, vals[1] ?? null);
      case 'gt':
        return !(lt2(vals[0] ?? null, vals[1] ?? null) || eq2(vals[0] ?? null, vals[1] ?? null));
      case 'ge':
        return !lt2(vals[0] ?? null, vals[1] ?? null);
      case 'len': {
        const v = vals[0];
        if (typeof v === 'string') return BigInt(new TextEncoder().encode(v).length);
        if (Array.isArray(v)) return rt.isStringSlice(v) ? 0n : BigInt((v as readonly V[]).length);
        if (isMap(v ?? null)) return BigInt(Object.keys(v as object).length);
        return 0n;
      }
    }
    const f = findFunction(name);
    if (!f) throw new RefError(`no function ${name}`);
    const impl = (rt as unknown as Record<string, (...a: unknown[]) => V>)[f.impl];
    if (!impl) throw new RefError(`no impl ${f.impl}`);
    try {
      return impl(undefined, ...vals);
    } catch (e) {
      throw new RefError(e instanceof Error ? e.message : String(e));
    }
  }

  private field(v: V, name: string): V {
    if (isMap(v)) return Object.prototype.hasOwnProperty.call(v, name) ? (v[name] ?? null) : null;
    throw new RefError(`can't evaluate field ${name}`);
  }

  private eval(e: Expr, dot: V): V {
    switch (e.kind) {
      case 'dot':
        return dot;
      case 'field':
        return e.names.reduce((v, n) => this.field(v, n), dot);
      case 'variable': {
        const base = this.varGet(e.name);
        if (base === null && this.results.has(e.name)) return null;
        return e.names.reduce((v, n) => this.field(v, n), base);
      }
      case 'chain': {
        const base = this.eval(e.target, dot);
        if (base === null && e.target.kind === 'paren') return null;
        return e.names.reduce((v, n) => this.field(v, n), base);
      }
      case 'paren':
        return this.pipeline(e.pipe, dot);
      case 'function':
        return this.call(e.name, [], dot, undefined);
      case 'string':
        return e.value;
      case 'number':
        return e.int !== undefined ? e.int : e.float;
      case 'bool':
        return e.value;
      case 'nil':
        return null;
    }
  }
}

/** Executes a parsed template over data; throws `RefError` on execution errors. */
export function interpret(ast: TemplateAst, data: V): string {
  return new Interp(data).run(ast);
}
