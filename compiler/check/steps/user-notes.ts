/**
 * ORK028: user notes (Orkestra step 31). Every note under `notes.functions` has a name that
 * can be called in a template (a letter or `_`, then letters, digits, `_`), used once, and a
 * non-empty expression. A note cannot take the name of a Go template built-in (`eq`, `len`,
 * `printf` ...: ork compiles those itself); taking the name of one of Orkestra's built-in
 * notes needs `shadow: true` (Orkestra only warns; ork refuses a silent override).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DocPath } from '../../load/yaml-document.ts';
import type { Check } from '../check.ts';
import { TEMPLATE_FUNCTIONS } from '../../template/functions.ts';
import { asList, asRecord } from '../values.ts';

/** Go text/template's predefined functions. */
export const GO_TEMPLATE_BUILTINS = [
  'and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'call', 'html', 'js', 'urlquery',
  'eq', 'ne', 'lt', 'le', 'gt', 'ge',
] as const;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** One note as written, wherever it came from. */
interface RawNote {
  readonly name: unknown;
  readonly expression: unknown;
  readonly shadow: unknown;
  readonly at: DocPath;
}

export const userNotes: Check = {
  code: 'ORK028',
  title: 'user notes: names, uniqueness, expressions',
  orkestraStep: '31 validateUserNotes',
  run(ctx) {
    const out: Diagnostic[] = [];
    const go = new Set<string>(GO_TEMPLATE_BUILTINS);
    const orkestra = new Set(TEMPLATE_FUNCTIONS.filter((f) => f.origin !== 'go').map((f) => f.name).filter((n) => !go.has(n)));
    const seen = new Map<string, DocPath>();
    for (const note of rawNotes(ctx.model.raw.notes)) {
      const { name, expression, at } = note;
      if (typeof name !== 'string' || name === '') {
        out.push(ctx.error(at, 'a note has no name', 'add `name:`: the function name templates call, e.g. isProduction'));
        continue;
      }
      const nameAt = [...at, 'name'];
      if (!IDENTIFIER.test(name)) {
        out.push(ctx.error(nameAt, `note name \`${name}\` cannot be called from a template`, `use a letter or _ followed by letters, digits or _, e.g. \`${name.replace(/[^A-Za-z0-9_]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^[0-9]+/, '') || 'myNote'}\``));
      } else if (seen.has(name)) {
        out.push(ctx.error(nameAt, `note \`${name}\` is declared twice`, 'give each note its own name (the later one would silently win)'));
      } else if (go.has(name)) {
        out.push(ctx.error(nameAt, `note \`${name}\` takes the name of a Go template built-in`, 'rename the note: built-ins such as eq, len and printf cannot be replaced'));
      } else if (orkestra.has(name) && note.shadow !== true) {
        out.push(ctx.error(nameAt, `note \`${name}\` shadows Orkestra's built-in \`${name}\``, 'rename the note, or add `shadow: true` to replace the built-in on purpose'));
      }
      seen.set(name, nameAt);
      if (typeof expression !== 'string' || expression.trim() === '') {
        out.push(ctx.error(typeof expression === 'string' ? [...at, 'expression'] : at, `note \`${name}\` has an empty expression`, 'add `expression:` with a template, e.g. \'{{ eq .spec.environment "production" }}\''));
      }
      // TEMPLATE PARSE PLUG-IN POINT: the template compiler (compiler/template, another
      // engineer's) parses and type-checks each note expression with every note name callable,
      // as Orkestra does (`template.Parse` with stubs). Call it here once it is wired into the
      // boundary; this check does not parse templates itself.
    }
    return out;
  },
};

/**
 * Notes as written: Orkestra's `notes: {functions: [{name, expression, shadow}]}`, and
 * defensively the map form `notes: {<name>: {expression}}` some older Katalogs use.
 */
function rawNotes(notes: unknown): RawNote[] {
  const n = asRecord(notes);
  if (!n) return [];
  if (Array.isArray(n.functions) || n.include !== undefined) {
    return asList(n.functions).map((f, i) => {
      const r = asRecord(f);
      return { name: r?.name, expression: r?.expression, shadow: r?.shadow, at: ['notes', 'functions', i] };
    });
  }
  return Object.entries(n).map(([name, v]) => {
    const r = asRecord(v);
    return { name, expression: typeof v === 'string' ? v : r?.expression, shadow: r?.shadow, at: ['notes', name] };
  });
}
