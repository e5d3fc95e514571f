/**
 * ORK010: the struct-tag constraints of Orkestra's step 1: CRD names and API groups are
 * lowercase RFC 1123, every enabled CRD has an identity (apiTypes or crdFile) with version,
 * kind and plural, and workers are 1–50.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check, CheckContext } from '../check.ts';
import type { CrdModel } from '../../model/katalog-model.ts';

const RFC1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const fieldConstraints: Check = {
  code: 'ORK010',
  title: 'names, API identity and worker counts',
  orkestraStep: '1 struct tags (go-playground validator)',
  run(ctx) {
    const out: Diagnostic[] = [];
    if (!ctx.model.raw.metadata?.name) {
      out.push(ctx.error(['metadata'], 'the Katalog has no `metadata.name`', 'add `metadata: {name: <lowercase-name>}`: it names the operator, its Lease and its manifests'));
    } else if (!RFC1123_SUBDOMAIN.test(ctx.model.name) || ctx.model.name.length > 63) {
      out.push(ctx.error(['metadata', 'name'], `Katalog name \`${ctx.model.name}\` is not a lowercase RFC 1123 name`, 'use lowercase letters, digits and `-` (at most 63): it becomes Kubernetes object names'));
    }
    for (const crd of ctx.model.crds) out.push(...checkCrd(ctx, crd));
    return out;
  },
};

function checkCrd(ctx: CheckContext, crd: CrdModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!RFC1123_SUBDOMAIN.test(crd.name) || crd.name.length > 253) {
    out.push(ctx.errorAtKey(crd.at, `CRD name \`${crd.name}\` is not a lowercase RFC 1123 name`, `rename it, e.g. \`${crd.name.toLowerCase().replace(/[^a-z0-9.-]/g, '-')}\``));
  }
  if (!crd.enabled) return out;
  const api = crd.api;
  if (!api) {
    out.push(ctx.errorAtKey(crd.at, `CRD \`${crd.name}\` has no API identity`, 'add `crdFile: ./crd.yaml`, or `apiTypes: {group, version, kind, plural}`'));
    return out;
  }
  if (!api.builtIn) {
    for (const [field, v] of [['group', api.group], ['version', api.version], ['kind', api.kind], ['plural', api.plural]] as const) {
      if (!v) out.push(ctx.error(api.at, `apiTypes.${field} is required for CRD \`${crd.name}\``, `add \`${field}:\` under apiTypes (or use crdFile)`));
    }
    if (api.group && !RFC1123_SUBDOMAIN.test(api.group)) {
      out.push(ctx.error([...crd.at, 'apiTypes', 'group'], `API group \`${api.group}\` is not a lowercase DNS name`, 'use a domain you own, e.g. `example.com`'));
    }
  }
  const workers = crd.box.reconciler?.raw.workers;
  if (workers !== undefined && (workers < 1 || workers > 50)) {
    out.push(ctx.error([...(crd.box.reconciler?.at ?? crd.box.at), 'workers'], `workers is ${workers}; it must be between 1 and 50`, 'use 1–50 (default 3)'));
  }
  return out;
}
