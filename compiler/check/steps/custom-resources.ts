/**
 * ORK024: `custom:` manifests (Orkestra step 23). Each entry has an `apiVersion` that is
 * `group/version` or the core `v1`, a `kind`, and `metadata.name`; static names are DNS
 * names; a kind ork manages through its own list (ConfigMap, Deployment ...) must use that
 * list; a cluster-scoped entry (`namespaced: false`) has no namespace and a namespaced one
 * names its namespace; label and annotation keys and static label values are valid.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Check, CheckContext } from '../check.ts';
import type { CrdModel, HookBlockModel, ResourceDeclModel } from '../../model/katalog-model.ts';
import { allResources, enabledCrds, isTemplateText } from '../walk.ts';
import { CHILD_KINDS } from '../../schema/index.ts';
import { declLabel } from '../resources.ts';
import { labelKeyProblem, labelValueProblem } from '../label-key.ts';
import { asRecord, goString } from '../values.ts';

const API_VERSION = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?v[0-9]+((alpha|beta)[0-9]+)?$/;
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const customResources: Check = {
  code: 'ORK024',
  title: 'custom manifests: apiVersion, kind, metadata',
  orkestraStep: '23 validateCustomResources',
  run(ctx) {
    return enabledCrds(ctx.model).flatMap((crd) =>
      allResources(crd).filter(({ decl }) => decl.listKey === 'custom').flatMap(({ block, decl }) => checkEntry(ctx, crd, block, decl)));
  },
};

function checkEntry(ctx: CheckContext, crd: CrdModel, block: HookBlockModel, decl: ResourceDeclModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const where = declLabel(crd, block, decl);
  const apiVersion = typeof decl.raw.apiVersion === 'string' ? decl.raw.apiVersion.trim() : '';
  const kind = typeof decl.raw.kind === 'string' ? decl.raw.kind.trim() : '';
  if (apiVersion === '') out.push(ctx.error(decl.at, `${where} has no apiVersion`, 'add `apiVersion:` as group/version, e.g. cert-manager.io/v1'));
  else if (!isTemplateText(apiVersion) && !API_VERSION.test(apiVersion)) {
    out.push(ctx.error([...decl.at, 'apiVersion'], `apiVersion \`${apiVersion}\` of ${where} is not group/version`, 'write group/version (e.g. cert-manager.io/v1) or v1 for the core group'));
  }
  if (kind === '') out.push(ctx.error(decl.at, `${where} has no kind`, 'add `kind:`, e.g. Certificate'));
  else if (!isTemplateText(kind) && !KIND.test(kind)) out.push(ctx.error([...decl.at, 'kind'], `kind \`${kind}\` of ${where} is not a Kubernetes kind`, 'use the CamelCase kind, e.g. Certificate'));
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const native = CHILD_KINDS.find((c) => c.kind !== '' && c.kind === kind && c.group === group);
  if (native) out.push(ctx.error([...decl.at, 'kind'], `${apiVersion} ${kind} in ${where} is a kind ork manages natively`, `declare it under \`${native.key}:\` instead of \`custom:\` (profiles, drift correction and typed fields work there)`));
  const meta = asRecord(decl.raw.metadata);
  const name = goString(meta?.name)?.trim() ?? '';
  if (name === '') out.push(ctx.error([...decl.at, 'metadata'], `${where} has no metadata.name`, 'add `metadata: {name: ...}` (a template such as "{{ .metadata.name }}-cert" is fine)'));
  else if (!isTemplateText(name) && (!DNS_SUBDOMAIN.test(name) || name.length > 253)) {
    out.push(ctx.error([...decl.at, 'metadata', 'name'], `metadata.name \`${name}\` of ${where} is not a lowercase DNS name`, 'use lowercase letters, digits, `-` and `.`'));
  }
  const namespaced = meta?.namespaced !== false;
  const namespace = goString(meta?.namespace)?.trim() ?? '';
  if (!namespaced && namespace !== '') {
    out.push(ctx.error([...decl.at, 'metadata', 'namespace'], `${where} is cluster-scoped (namespaced: false) but sets metadata.namespace`, 'remove `namespace:`, or drop `namespaced: false`'));
  } else if (namespaced && meta && namespace === '') {
    out.push(ctx.errorAtKey([...decl.at, 'metadata'], `${where} is namespaced but has no metadata.namespace`, 'add `namespace: "{{ .metadata.namespace }}"`, or set `namespaced: false` for a cluster-scoped kind'));
  }
  for (const [key, value] of Object.entries(asRecord(meta?.labels) ?? {})) {
    const at = [...decl.at, 'metadata', 'labels', key];
    const kp = labelKeyProblem(key);
    if (kp) out.push(ctx.errorAtKey(at, `label key \`${key}\` of ${where} is not a valid Kubernetes label key: ${kp}`, 'use prefix/name or name, e.g. app.kubernetes.io/name'));
    const v = goString(value);
    const vp = v === undefined || isTemplateText(v) ? undefined : labelValueProblem(v);
    if (vp) out.push(ctx.error(at, `label value \`${String(v)}\` of ${where} is not valid: ${vp}`, 'use at most 63 letters, digits, `-`, `_`, `.`'));
  }
  for (const key of Object.keys(asRecord(meta?.annotations) ?? {})) {
    const kp = labelKeyProblem(key);
    if (kp) out.push(ctx.errorAtKey([...decl.at, 'metadata', 'annotations', key], `annotation key \`${key}\` of ${where} is not a valid key: ${kp}`, 'use prefix/name or name, e.g. example.com/owner'));
  }
  return out;
}
