/** The operator layer: what a generated main.ts calls. */
export type { CrdSpec, OperatorSpec } from './spec.ts';
export { main, runOperator, DRAIN_MS, type RunOptions } from './run.ts';
