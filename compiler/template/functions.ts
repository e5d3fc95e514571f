/**
 * The function table: every function a Katalog template may call, with its Go signature,
 * result type, description, example and the runtime-kit/template export that implements it.
 * The parser checks calls against it, the emitter calls `impl`, and `ork notes` prints it.
 * A name that is not here (nor a user note or sentinel) is a compile error naming it.
 */
import type { TypeKind } from './types.ts';

/** A parameter type as Go declares it; `any` is `interface{}`. */
export type ParamType = 'any' | 'string' | 'int' | 'bool' | '[]string';

/** One function of the table. */
export interface TemplateFunction {
  readonly name: string;
  /** Where the function comes from: Go's built-ins, Orkestra's notes, or sprig-style extras. */
  readonly origin: 'go' | 'orkestra' | 'sprig';
  readonly params: readonly ParamType[];
  /** Type of the variadic tail, if any. */
  readonly variadic?: ParamType;
  readonly returns: TypeKind;
  /** Export of runtime-kit/template that implements it (called as `impl(at, ...args)`). */
  readonly impl: string;
  /** `and`/`or`: operands are passed as thunks and evaluated lazily. */
  readonly lazy?: boolean;
  readonly description: string;
  readonly example: string;
}

const fn = (
  name: string,
  origin: TemplateFunction['origin'],
  params: readonly ParamType[],
  returns: TypeKind,
  impl: string,
  description: string,
  example: string,
  extra: Partial<Pick<TemplateFunction, 'variadic' | 'lazy'>> = {},
): TemplateFunction => ({ name, origin, params, returns, impl, description, example, ...extra });

/** All functions, in documentation order. */
export const TEMPLATE_FUNCTIONS: readonly TemplateFunction[] = [
  fn('and', 'go', ['any'], 'any', 'and', 'First falsy argument, or the last; stops evaluating at the first falsy one.', '{{ and .spec.enabled .spec.image }}', { variadic: 'any', lazy: true }),
  fn('or', 'go', ['any'], 'any', 'or', 'First truthy argument, or the last; stops evaluating at the first truthy one.', '{{ or .spec.image "nginx" }}', { variadic: 'any', lazy: true }),
  fn('not', 'go', ['any'], 'boolean', 'notOp', 'Boolean negation of the truth of its argument.', '{{ not .spec.suspend }}'),
  fn('eq', 'go', ['any'], 'boolean', 'eq', 'arg1 == arg2 (or any of the following arguments); mixing integers, floats and strings is an error.', '{{ eq .spec.tier "gold" "platinum" }}', { variadic: 'any' }),
  fn('ne', 'go', ['any', 'any'], 'boolean', 'ne', 'arg1 != arg2.', '{{ ne .spec.mode "off" }}'),
  fn('lt', 'go', ['any', 'any'], 'boolean', 'lt', 'arg1 < arg2 (integers, floats or strings of the same kind).', '{{ lt .spec.replicas 3 }}'),
  fn('le', 'go', ['any', 'any'], 'boolean', 'le', 'arg1 <= arg2.', '{{ le .spec.replicas 3 }}'),
  fn('gt', 'go', ['any', 'any'], 'boolean', 'gt', 'arg1 > arg2.', '{{ gt .spec.replicas 0 }}'),
  fn('ge', 'go', ['any', 'any'], 'boolean', 'ge', 'arg1 >= arg2.', '{{ ge .spec.replicas 1 }}'),
  fn('len', 'orkestra', ['any'], 'integer', 'len', "Orkestra's len: bytes of a string, elements of a list, keys of a map; 0 for anything else (missing included).", '{{ len .spec.regions }}'),
  fn('index', 'go', ['any'], 'any', 'index', 'Element of a list / byte of a string by integer position, or map value by key; chained for several indexes.', '{{ index .metadata.labels "app.kubernetes.io/name" }}', { variadic: 'any' }),
  fn('slice', 'go', ['any'], 'any', 'slice', 'Sub-list or substring (by byte): slice x 1 2 is x[1:2].', '{{ slice .spec.name 0 8 }}', { variadic: 'any' }),
  fn('printf', 'go', ['string'], 'string', 'printf', "Go's fmt.Sprintf.", '{{ printf "%s-%03d" .metadata.name .spec.index }}', { variadic: 'any' }),
  fn('print', 'go', [], 'string', 'print', "Go's fmt.Sprint (spaces between operands when neither is a string).", '{{ print .spec.a .spec.b }}', { variadic: 'any' }),
  fn('println', 'go', [], 'string', 'println', "Go's fmt.Sprintln.", '{{ println .spec.a }}', { variadic: 'any' }),
  fn('default', 'orkestra', ['any', 'any'], 'any', 'noteDefault', 'default FALLBACK VALUE: VALUE unless it is empty (nil, "", 0, false, empty list/map). The fallback comes FIRST, so `.x | default 2` works.', '{{ .spec.replicas | default 2 }}'),
  fn('coalesce', 'orkestra', [], 'any', 'noteCoalesce', 'First non-empty argument, or nil.', '{{ coalesce .spec.image .spec.defaultImage "nginx:latest" }}', { variadic: 'any' }),
  fn('ternary', 'orkestra', ['any', 'any', 'any'], 'any', 'noteTernary', 'ternary COND A B: A when COND is truthy, else B.', '{{ ternary .spec.debug "debug" "info" }}'),
  fn('boolTernary', 'orkestra', ['bool', 'any', 'any'], 'any', 'noteBoolTernary', 'Like ternary, but COND must be a bool.', '{{ boolTernary .spec.suspend "Suspended" "Active" }}'),
  fn('boolDefault', 'orkestra', ['any', 'bool'], 'boolean', 'noteBoolDefault', 'The value when it is a bool, else the bool default.', '{{ boolDefault .spec.suspend false }}'),
  fn('eqTernary', 'orkestra', ['any', 'any', 'any', 'any'], 'any', 'noteEqTernary', 'eqTernary V TARGET A B: A when V and TARGET print the same, else B.', '{{ eqTernary .spec.mode "production" "strict" "permissive" }}'),
  fn('empty', 'orkestra', ['any'], 'boolean', 'noteEmpty', 'True for nil, "", "<no value>", 0, false, empty list or map.', '{{ if empty .spec.image }}nginx{{ end }}'),
  fn('notEmpty', 'orkestra', ['any'], 'boolean', 'noteNotEmpty', 'The inverse of empty.', '{{ notEmpty .spec.image }}'),
  fn('toLower', 'orkestra', ['string'], 'string', 'noteLower', 'Lower-case a string.', '{{ toLower .spec.environment }}'),
  fn('lower', 'sprig', ['string'], 'string', 'noteLower', 'Alias of toLower.', '{{ lower .spec.environment }}'),
  fn('toUpper', 'orkestra', ['string'], 'string', 'noteUpper', 'Upper-case a string.', '{{ toUpper .spec.tier }}'),
  fn('upper', 'sprig', ['string'], 'string', 'noteUpper', 'Alias of toUpper.', '{{ upper .spec.tier }}'),
  fn('trim', 'orkestra', ['string', 'string'], 'string', 'noteTrim', 'trim S CUTSET: strip leading and trailing characters found in CUTSET (Go strings.Trim).', '{{ trim .spec.path "/" }}'),
  fn('trimSpace', 'orkestra', ['string'], 'string', 'noteTrimSpaceFn', 'Strip leading and trailing white space.', '{{ trimSpace .spec.domain }}'),
  fn('trimPrefix', 'orkestra', ['string', 'string'], 'string', 'noteTrimPrefix', 'Remove a prefix if present.', '{{ trimPrefix .metadata.name "app-" }}'),
  fn('trimSuffix', 'orkestra', ['string', 'string'], 'string', 'noteTrimSuffix', 'Remove a suffix if present.', '{{ trimSuffix .spec.image ":latest" }}'),
  fn('replace', 'orkestra', ['string', 'string', 'string'], 'string', 'noteReplace', 'replace S OLD NEW: every OLD in S replaced (Go strings.ReplaceAll; S first).', '{{ replace .spec.domain "." "-" }}'),
  fn('contains', 'orkestra', ['string', 'string'], 'boolean', 'noteContains', 'contains S SUBSTR.', '{{ contains .spec.image "nginx" }}'),
  fn('hasPrefix', 'orkestra', ['string', 'string'], 'boolean', 'noteHasPrefix', 'hasPrefix S PREFIX.', '{{ hasPrefix .spec.image "gcr.io/" }}'),
  fn('hasSuffix', 'orkestra', ['string', 'string'], 'boolean', 'noteHasSuffix', 'hasSuffix S SUFFIX.', '{{ hasSuffix .spec.image ":v1" }}'),
  fn('split', 'orkestra', ['string', 'string'], 'list', 'noteSplit', 'split S SEP into a []string (empty for "").', '{{ index (split .spec.tags ",") 0 }}'),
  fn('join', 'orkestra', ['[]string', 'string'], 'string', 'noteJoin', 'join LIST SEP; LIST must be a []string (from split or mapKeys).', '{{ join (mapKeys .metadata.labels) "," }}'),
  fn('quote', 'sprig', [], 'string', 'noteQuote', 'Each non-nil argument printed and Go-quoted, joined by spaces.', '{{ quote .spec.name }}', { variadic: 'any' }),
  fn('b64enc', 'sprig', ['string'], 'string', 'noteB64Enc', 'Standard base64 encoding.', '{{ b64enc .spec.password }}'),
  fn('toBase64', 'orkestra', ['string'], 'string', 'noteB64Enc', 'Standard base64 encoding.', '{{ toBase64 .spec.password }}'),
  fn('b64dec', 'sprig', ['string'], 'string', 'noteB64Dec', 'Base64 decoding; invalid input yields the decoder error text (sprig).', '{{ b64dec .spec.encoded }}'),
  fn('fromBase64', 'orkestra', ['string'], 'string', 'noteFromBase64', 'Base64 decoding; invalid input yields "".', '{{ fromBase64 .spec.encoded }}'),
  fn('toJson', 'orkestra', ['any'], 'string', 'noteToJson', "Go's json.Marshal (sorted keys, HTML-safe escapes).", '{{ toJson .spec }}'),
  fn('toJSON', 'orkestra', ['any'], 'string', 'noteToJson', 'Alias of toJson.', '{{ toJSON .spec.settings }}'),
  fn('toString', 'orkestra', ['any'], 'string', 'noteToString', '"" for nil, else the %v form.', '{{ toString .spec.replicas }}'),
  fn('typeOf', 'orkestra', ['any'], 'string', 'noteTypeOf', '"string", "number", "bool", "map", "slice", "null" or "unknown".', '{{ typeOf .spec.schedule }}'),
  fn('asString', 'orkestra', ['any'], 'string', 'noteAsString', 'A string as it is; anything else JSON-encoded.', '{{ asString .spec.config }}'),
  fn('asList', 'orkestra', ['any'], 'list', 'noteAsList', 'A list as it is, a JSON array string parsed, else [].', '{{ range asList .spec.regions }}{{ . }}{{ end }}'),
  fn('asMap', 'orkestra', ['any'], 'object', 'noteAsMap', 'A map as it is, a JSON object string parsed, else an empty map.', '{{ (asMap .spec.config).key }}'),
  fn('get', 'orkestra', ['any'], 'any', 'noteGet', 'get OBJ "a" "b"…: nested lookup, nil when any step is missing.', '{{ get .children.deployment "status" "readyReplicas" }}', { variadic: 'string' }),
  fn('listGet', 'orkestra', ['any', 'int'], 'any', 'noteListGet', 'listGet LIST I: element I, nil when out of range.', '{{ listGet .spec.regions 0 }}'),
  fn('listHas', 'orkestra', ['any', 'any'], 'boolean', 'noteListHas', 'listHas LIST V: LIST contains V (Go ==).', '{{ listHas .spec.regions "us-east-1" }}'),
  fn('listLen', 'orkestra', ['any'], 'integer', 'noteListLen', 'Length of a list, 0 for anything else.', '{{ listLen .spec.regions }}'),
  fn('mapGet', 'orkestra', ['any', 'string'], 'any', 'noteMapGet', 'mapGet MAP KEY: the value, nil when missing.', '{{ mapGet .metadata.labels "app" }}'),
  fn('mapKeys', 'orkestra', ['any'], 'list', 'noteMapKeys', 'Sorted keys of a map as a []string.', '{{ join (mapKeys .metadata.labels) "," }}'),
  fn('mapValues', 'orkestra', ['any'], 'list', 'noteMapValues', 'Values of a map (ork: in key order; Orkestra: Go map order).', '{{ len (mapValues .spec.schedule) }}'),
  fn('allReplicasReady', 'orkestra', ['any'], 'boolean', 'noteAllReplicasReady', 'status.readyReplicas == spec.replicas (absent spec.replicas counts as 1).', '{{ allReplicasReady .children.deployment }}'),
  fn('replicasReady', 'orkestra', ['any'], 'boolean', 'noteReplicasReady', 'desired > 0 and status.readyReplicas >= desired (older Orkestra name).', '{{ replicasReady .children.deployment }}'),
];

const BY_NAME = new Map(TEMPLATE_FUNCTIONS.map((f) => [f.name, f]));

/** Looks a function up by name. */
export function findFunction(name: string): TemplateFunction | undefined {
  return BY_NAME.get(name);
}

/** Go built-ins and other known functions ork refuses, with the reason. */
export const UNSUPPORTED_FUNCTIONS: Readonly<Record<string, string>> = {
  call: 'ork templates call only the functions of its table; there are no function values to call',
  html: 'HTML escaping has no use in Kubernetes manifests',
  js: 'JavaScript escaping has no use in Kubernetes manifests',
  urlquery: 'not implemented by ork yet',
};

/** Number of arguments a call must have: [min, max] (max Infinity for variadic). */
export function arity(f: TemplateFunction): readonly [number, number] {
  return [f.params.length, f.variadic === undefined ? f.params.length : Infinity];
}
