/**
 * ork's template compiler: Go text/template strings from a Katalog → TypeScript functions over
 * the CR. `compileTemplate` parses, type-checks against the data schema and emits code that
 * calls runtime-kit/template (the caller imports it as `rt`):
 *
 *   import * as rt from '<runtime-kit>/template/index.ts';
 *   const render = <code>;           // (data: rt.TemplateData, ctx?: rt.RenderContext) => string
 */
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.ts';
import type { TemplateAst } from './ast.ts';
import { checkTemplate } from './check.ts';
import { rootType } from './context.ts';
import { emitTemplate } from './emit.ts';
import { findFunction, TEMPLATE_FUNCTIONS, UNSUPPORTED_FUNCTIONS } from './functions.ts';
import { lex, type Token } from './lexer.ts';
import { parseTemplate } from './parser.ts';
import { positionMapper, type TemplateSource } from './positions.ts';
import { didYouMean, suggest } from './suggest.ts';
import { TemplateSyntaxError } from './syntax-error.ts';
import { type TargetKind, targetMismatch } from './target.ts';
import type { DataSchema, TemplateType } from './types.ts';

export type { TemplateSource } from './positions.ts';
export type { DataSchema, TemplateType, TypeKind } from './types.ts';
export { TEMPLATE_FUNCTIONS, findFunction } from './functions.ts';
export type { TemplateFunction } from './functions.ts';
export { rootType, OBJECT_META, METRICS, HEALTH, OPEN_OBJECT } from './context.ts';
export type { TargetKind } from './target.ts';

/** Identifiers the generated function uses itself; note references must differ from them. */
const RESERVED = /^(?:data|ctx|o|P|rt|[cvrke]\d+)$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Input of `compileTemplate`. */
export interface CompileTemplateInput {
  /** The template text (the decoded YAML scalar). */
  readonly source: string;
  /** Where it was written. */
  readonly origin: TemplateSource;
  /** The CRD version's `openAPIV3Schema`; undefined → `.spec`/`.status` unchecked. */
  readonly schema?: DataSchema;
  /** Extra top-level data keys of this place (`item`, `index`, `children`, `cross`, …). */
  readonly contexts?: Readonly<Record<string, DataSchema>>;
  /** User notes callable here: name → identifier of the note's compiled function. */
  readonly notes?: ReadonlyMap<string, string>;
  /** Sentinel names (gate contexts only). */
  readonly sentinels?: readonly string[];
  /** Compile a user note body (returns `rt.GoValue`, "true"/"false" → bool). */
  readonly asNote?: boolean;
  /** What the filled field needs after rendering; a template that can never parse as it is refused (ORK112). */
  readonly expect?: TargetKind;
}

/** Output of `compileTemplate`. */
export type CompileTemplateResult =
  | {
      readonly ok: true;
      /** TypeScript source of `(data: rt.TemplateData, ctx?: rt.RenderContext) => string` (a note: `=> rt.GoValue`). */
      readonly code: string;
      /** The result type: the single action's type, else `string`. */
      readonly type: TemplateType;
      /** Data paths read (`.spec.replicas`), sorted. */
      readonly usedPaths: readonly string[];
      /** Functions, notes and sentinels called, sorted (to find note cycles). */
      readonly calls: readonly string[];
      readonly ast: TemplateAst;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** True when a string is a template (contains `{{`), as Orkestra decides. */
export function isTemplate(s: string): boolean {
  return s.includes('{{');
}

/** A hint for every code, used when the finding has no more specific one. */
const DEFAULT_HINTS: Readonly<Record<string, string>> = {
  ORK101: 'check the {{ }} syntax; docs/templates.md lists what ork accepts',
  ORK102: 'use an integer or a floating-point number',
  ORK103: 'add the missing {{end}}',
  ORK104: 'declare the variable first: {{ $x := … }}',
  ORK105: 'docs/templates.md lists the functions ork supports',
  ORK106: 'write the template inline in the field',
  ORK107: 'check the number of arguments against docs/templates.md',
  ORK108: 'pass a value of the type the function expects',
  ORK109: 'only functions take arguments; fields and variables do not',
  ORK110: 'check the field name against the CRD schema',
  ORK111: 'fields exist only on objects; use index for list elements',
  ORK112: 'Orkestra parses the rendered text; make the template print only the value',
  ORK113: 'declare the variable with := before assigning to it',
};

const MAX_NESTING = 64;

/**
 * Refuses absurd nesting before the recursive parser sees it (a hostile-input guard): counts
 * parentheses and if/range/with blocks (each `else if`/`else with` adds one) on the tokens.
 */
function nestingOffset(src: string): number | undefined {
  let tokens: Token[];
  try {
    tokens = lex(src);
  } catch {
    return undefined; // the parser reports the lexical error with its position
  }
  let parens = 0;
  let blocks = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    if (t.kind === 'lparen') parens++;
    else if (t.kind === 'rparen') parens--;
    else if (t.kind === 'keyword' && (t.value === 'if' || t.value === 'range' || t.value === 'with')) blocks++;
    else if (t.kind === 'keyword' && t.value === 'end' && prev?.kind === 'open') blocks--;
    if (parens > MAX_NESTING || blocks > MAX_NESTING) return t.pos;
  }
  return undefined;
}

/** Parses, checks and emits one template. */
export function compileTemplate(input: CompileTemplateInput): CompileTemplateResult {
  const { source, origin } = input;
  const at = positionMapper(origin, source);
  const diag = (code: string, message: string, offset: number, hint?: string): Diagnostic => ({
    severity: 'error',
    code,
    message,
    position: at(offset),
    ...(origin.path ? { path: origin.path } : {}),
    hint: hint ?? DEFAULT_HINTS[code] ?? 'see docs/templates.md',
  });
  const notes = input.notes ?? new Map<string, string>();
  for (const [name, ref] of notes) {
    if (!IDENTIFIER.test(ref) || RESERVED.test(ref)) throw new Error(`note ${name}: reference ${JSON.stringify(ref)} must be a plain identifier other than data, ctx, o, P, rt`);
  }
  const sentinels = new Set(input.sentinels ?? []);
  const callable = (name: string): boolean => sentinels.has(name) || notes.has(name) || findFunction(name) !== undefined;
  const deep = nestingOffset(source);
  if (deep !== undefined) return { ok: false, diagnostics: [diag('ORK101', `template nests deeper than ${MAX_NESTING} levels`, deep, 'split the template or simplify it')] };
  let ast: TemplateAst;
  try {
    ast = parseTemplate(source, {
      isFunction: callable,
      functionHint: (name) => {
        if (name in UNSUPPORTED_FUNCTIONS) return `${name} is not supported by ork: ${UNSUPPORTED_FUNCTIONS[name]}`;
        const names = [...TEMPLATE_FUNCTIONS.map((f) => f.name), ...notes.keys(), ...sentinels];
        return didYouMean(suggest(name, names)) ?? 'see `ork notes` or docs/templates.md for the functions ork supports';
      },
    });
  } catch (e) {
    if (e instanceof TemplateSyntaxError) return { ok: false, diagnostics: [diag(e.code, e.message, e.offset, e.hint)] };
    if (e instanceof RangeError) return { ok: false, diagnostics: [diag('ORK101', 'template too complex to parse', 0)] };
    throw e;
  }
  try {
    return checkAndEmit(ast, input, notes, sentinels, diag, at);
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, diagnostics: [diag('ORK101', 'template too complex to compile', 0, 'split the template or simplify it')] };
    throw e;
  }
}

type Diag = (code: string, message: string, offset: number, hint?: string) => Diagnostic;

/** Type-checks and emits a parsed template. */
function checkAndEmit(
  ast: TemplateAst,
  input: CompileTemplateInput,
  notes: ReadonlyMap<string, string>,
  sentinels: ReadonlySet<string>,
  diag: Diag,
  at: (offset: number) => SourcePosition,
): CompileTemplateResult {
  const { source } = input;
  const checked = checkTemplate(ast, { root: rootType(input.schema, input.contexts), notes: new Set(notes.keys()), sentinels });
  if (checked.problems.length > 0) {
    return { ok: false, diagnostics: checked.problems.map((p) => diag(p.code, p.message, p.pos, p.hint)) };
  }
  const misfit = input.expect ? targetMismatch(ast.nodes, checked.type, input.expect) : undefined;
  if (misfit) return { ok: false, diagnostics: [diag('ORK112', misfit.message, misfit.offset, 'Orkestra parses the rendered text; make the template print only the value')] };
  const code = emitTemplate(ast, {
    origin: (pos, end) => ({ ...at(pos), expr: source.slice(pos, end) }),
    notes,
    sentinels,
    ...(input.asNote ? { asNote: true } : {}),
  });
  return { ok: true, code, type: checked.type, usedPaths: checked.usedPaths, calls: checked.calls, ast };
}
