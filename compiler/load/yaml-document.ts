/**
 * Strict YAML parsing with source positions. Duplicate keys are errors, aliases are bounded
 * (a "billion laughs" document cannot blow up memory), and every node of the parsed tree
 * can be located back to `file:line:column`.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, visit, type Document, type Node, type Pair } from 'yaml';
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.ts';
import type { SourceFile } from './read-source.ts';

/** The value at `path` in plain data (own properties only), or undefined when any step is missing. */
export function valueAt(root: unknown, path: DocPath): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** At most this many alias dereferences per document (`yaml`'s default is 100 as well). */
export const MAX_ALIAS_COUNT = 100;

/** A path into a parsed document: map keys and sequence indexes. */
export type DocPath = ReadonlyArray<string | number>;

/** One parsed YAML document, its plain value, and a way to locate any path in it. */
export interface YamlDocument {
  readonly source: SourceFile;
  /** The plain JavaScript value (maps → objects with a null prototype, sequences → arrays). */
  readonly value: unknown;
  /** Position of the value at `path` (or of the nearest existing ancestor). */
  locate(path: DocPath): SourcePosition;
  /** Position of the key naming `path`'s last segment (the value's position for indexes). */
  locateKey(path: DocPath): SourcePosition;
  /** The raw YAML node at `path`, when it exists (for template scalars: style and offsets). */
  nodeAt(path: DocPath): Node | undefined;
  /** Position of a character offset in the file. */
  at(offset: number): SourcePosition;
}

/** Parses every document of a file; errors are positioned diagnostics (ORK002). */
export function parseYamlDocuments(source: SourceFile): { documents: YamlDocument[]; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(source.text, { lineCounter, uniqueKeys: true, strict: true, prettyErrors: false, version: '1.2' });
  const list = Array.isArray(docs) ? docs : [docs as unknown as Document.Parsed];
  const at = (offset: number): SourcePosition => {
    const p = lineCounter.linePos(offset);
    return { file: source.file, line: p.line, column: p.col };
  };
  const diagnostics: Diagnostic[] = [];
  const documents: YamlDocument[] = [];
  for (const doc of list) {
    for (const e of doc.errors) diagnostics.push(yamlError(e.code, e.message, at(e.pos[0])));
    if (doc.errors.length > 0) continue;
    if (doc.contents === null) continue; // an empty document (e.g. a trailing `---`)
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: false });
    } catch (err) {
      const alias = firstAliasOffset(doc);
      diagnostics.push({
        severity: 'error',
        code: 'ORK002',
        message: `YAML aliases expand too much: ${(err as Error).message}`,
        position: at(alias ?? 0),
        hint: `a document may dereference at most ${MAX_ALIAS_COUNT} aliases; write the repeated parts out or use profiles`,
      });
      continue;
    }
    documents.push(makeDocument(source, doc, withoutPrototypes(value), at));
  }
  return { documents, diagnostics };
}

function yamlError(code: string, message: string, position: SourcePosition): Diagnostic {
  const first = message.split('\n')[0] ?? message;
  const hints: Record<string, string> = {
    DUPLICATE_KEY: 'each key may appear once per mapping; remove or rename the repeated key',
    BAD_INDENT: 'check the indentation: nested keys must be indented more than their parent, with spaces',
    TAB_AS_INDENT: 'YAML indentation must use spaces, not tabs',
    MISSING_CHAR: 'a quote or bracket is not closed',
    BLOCK_AS_IMPLICIT_KEY: 'a `key: value` line is probably missing its colon or is mis-indented',
    MULTILINE_IMPLICIT_KEY: 'a key spans several lines; quote it or fix the indentation',
  };
  return {
    severity: 'error',
    code: 'ORK002',
    message: `invalid YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`,
    position,
    hint: hints[code] ?? 'fix the YAML syntax at this position',
  };
}

function firstAliasOffset(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      found = node.range?.[0];
      return visit.BREAK;
    },
  });
  return found;
}

function makeDocument(source: SourceFile, doc: Document.Parsed, value: unknown, at: (o: number) => SourcePosition): YamlDocument {
  const walk = (path: DocPath): { node: Node | undefined; pair: Pair | undefined; depth: number } => {
    let node: Node | undefined = doc.contents ?? undefined;
    let pair: Pair | undefined;
    let depth = 0;
    for (const seg of path) {
      if (isMap(node)) {
        const p = node.items.find((it) => keyText(it.key) === String(seg));
        if (!p) break;
        pair = p as Pair;
        node = (p.value ?? undefined) as Node | undefined;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        pair = undefined;
        node = item as Node;
      } else break;
      depth++;
    }
    return { node, pair, depth };
  };
  const startOf = (node: Node | undefined): number => node?.range?.[0] ?? 0;
  return {
    source,
    value,
    at,
    nodeAt: (path) => {
      const w = walk(path);
      return w.depth === path.length ? w.node : undefined;
    },
    locate: (path) => {
      const w = walk(path);
      if (w.depth === path.length && w.node) return at(startOf(w.node));
      return at(startOf(w.pair?.key as Node | undefined) || startOf(w.node));
    },
    locateKey: (path) => {
      const w = walk(path);
      if (w.pair && w.depth === path.length && path.length > 0 && typeof path[path.length - 1] === 'string') {
        return at(startOf(w.pair.key as Node));
      }
      return at(startOf(w.node));
    },
  };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/**
 * A deep copy whose mappings are null-prototype objects, so keys such as `constructor`,
 * `toString` or `__proto__` are plain data: never inherited, never prototype setters.
 */
export function withoutPrototypes(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutPrototypes);
  if (v === null || typeof v !== 'object') return v;
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(v)) {
    Object.defineProperty(out, k, { value: withoutPrototypes((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
