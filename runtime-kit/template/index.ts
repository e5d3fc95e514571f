/**
 * Runtime kit for compiled Katalog templates: pure helpers that generated code calls. No I/O,
 * no eval, no dynamic import; every module is free of side effects.
 */
export * from './errors.ts';
export * from './values.ts';
export * from './format.ts';
export * from './json.ts';
export * from './quote.ts';
export * from './printf.ts';
export * from './compare.ts';
export * from './args.ts';
export * from './builtins.ts';
export * from './notes-conditional.ts';
export * from './notes-strings.ts';
export * from './notes-data.ts';
export * from './render.ts';
export * from './decimal.ts';
export * from './strconv-float.ts';
export * from './data.ts';
export * from './cast.ts';
