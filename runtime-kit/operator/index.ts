/** The operator layer: what a generated main.ts calls. */
export type { CrdSpec, OperatorSpec } from './spec.ts';
export { runOperator, DRAIN_MS, type RunOptions } from './run.ts';
export { main, describeFailure, EXIT_CANNOT_START } from './main.ts';
