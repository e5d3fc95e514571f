/** Orkestra's `when:`/`or:` conditions, evaluated at reconcile time. */
export { applyOperator, evaluateCondition, evaluateGate, fieldString, parseLeadingFloat, readPath, typeName } from './evaluate.ts';
export type { Condition, ConditionOp } from './evaluate.ts';
