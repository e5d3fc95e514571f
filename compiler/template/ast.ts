/**
 * The syntax tree of a Katalog template (Go text/template syntax). Every node carries `pos`
 * and `end`: offsets into the template's source text, mapped back to the Katalog file by
 * `positions.ts` when a diagnostic or runtime origin needs a line and column.
 */

/** A span inside the template source. */
export interface Span {
  readonly pos: number;
  readonly end: number;
}

/** A literal or reference inside a command. */
export type Expr =
  | (Span & { readonly kind: 'dot' })
  | (Span & { readonly kind: 'field'; readonly names: readonly string[] })
  | (Span & { readonly kind: 'variable'; readonly name: string; readonly names: readonly string[] })
  | (Span & { readonly kind: 'function'; readonly name: string })
  | (Span & { readonly kind: 'string'; readonly value: string })
  | (Span & { readonly kind: 'number'; readonly text: string; readonly int?: bigint; readonly float: number })
  | (Span & { readonly kind: 'bool'; readonly value: boolean })
  | (Span & { readonly kind: 'nil' })
  | (Span & { readonly kind: 'chain'; readonly target: Expr; readonly names: readonly string[] })
  | (Span & { readonly kind: 'paren'; readonly pipe: Pipeline });

/** One command of a pipeline: a function call with arguments, or a single operand. */
export interface Command extends Span {
  readonly args: readonly Expr[];
}

/** A pipeline, optionally declaring (`:=`) or assigning (`=`) variables. */
export interface Pipeline extends Span {
  readonly vars: readonly VarDecl[];
  readonly assign: boolean;
  readonly cmds: readonly Command[];
}

/** A variable named in a declaration or assignment. */
export interface VarDecl extends Span {
  readonly name: string;
}

/** A node of a template body. */
export type Node =
  | (Span & { readonly kind: 'text'; readonly text: string })
  | (Span & { readonly kind: 'action'; readonly pipe: Pipeline })
  | (Span & { readonly kind: 'if' | 'with'; readonly pipe: Pipeline; readonly list: readonly Node[]; readonly elseList?: readonly Node[] })
  | (Span & { readonly kind: 'range'; readonly pipe: Pipeline; readonly list: readonly Node[]; readonly elseList?: readonly Node[] })
  | (Span & { readonly kind: 'break' | 'continue' });

/** A parsed template. */
export interface TemplateAst {
  readonly source: string;
  readonly nodes: readonly Node[];
}
