/** Kubernetes resource quantity syntax (`resource.ParseQuantity`): sign, number, one suffix. */

const QUANTITY = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?$/;

/** True when `s` parses as a Kubernetes quantity ("100m", "1.5Gi", "1e3", "2"). */
export function isQuantity(s: string): boolean {
  return QUANTITY.test(s);
}
