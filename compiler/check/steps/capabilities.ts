/**
 * ORK027: Linux capabilities (Orkestra step 28). Every name under
 * `securityContext.capabilities.add` / `.drop` (and in `profiles.containerSecurity`) is a Linux
 * capability (the `CAP_` prefix and case are optional) or `ALL`. Templates are checked when
 * they render.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DocPath } from '../../load/yaml-document.ts';
import type { Check } from '../check.ts';
import { allResources, enabledCrds, isTemplateText } from '../walk.ts';
import { didYouMean } from '../../diagnostics/suggest.ts';
import { declLabel } from '../resources.ts';
import { asList, asRecord } from '../values.ts';

/** Linux capabilities (include/uapi/linux/capability.h, kernel 6.x), without the CAP_ prefix. */
export const LINUX_CAPABILITIES = [
  'AUDIT_CONTROL', 'AUDIT_READ', 'AUDIT_WRITE', 'BLOCK_SUSPEND', 'BPF', 'CHECKPOINT_RESTORE', 'CHOWN',
  'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'IPC_LOCK', 'IPC_OWNER', 'KILL', 'LEASE',
  'LINUX_IMMUTABLE', 'MAC_ADMIN', 'MAC_OVERRIDE', 'MKNOD', 'NET_ADMIN', 'NET_BIND_SERVICE', 'NET_BROADCAST',
  'NET_RAW', 'PERFMON', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_ADMIN', 'SYS_BOOT', 'SYSLOG',
  'SYS_CHROOT', 'SYS_MODULE', 'SYS_NICE', 'SYS_PACCT', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_RESOURCE', 'SYS_TIME',
  'SYS_TTY_CONFIG', 'WAKE_ALARM',
] as const;

const KNOWN = new Set<string>(LINUX_CAPABILITIES);

/** True for a capability name ork accepts: a known name, with or without CAP_, any case, or ALL. */
export function isCapability(name: string): boolean {
  const upper = name.toUpperCase();
  return upper === 'ALL' || KNOWN.has(upper.startsWith('CAP_') ? upper.slice(4) : upper);
}

export const capabilities: Check = {
  code: 'ORK027',
  title: 'Linux capability names',
  orkestraStep: '28 validateSecurityCapabilities',
  run(ctx) {
    const out: Diagnostic[] = [];
    const checkCaps = (caps: unknown, at: DocPath, where: string): void => {
      for (const side of ['add', 'drop'] as const) {
        asList(asRecord(caps)?.[side]).forEach((name, i) => {
          if (typeof name !== 'string' || isTemplateText(name) || isCapability(name)) return;
          const bare = name.toUpperCase().replace(/^CAP_/, '');
          out.push(ctx.error([...at, side, i], `unknown Linux capability \`${name}\` in capabilities.${side} of ${where}`,
            didYouMean(bare, LINUX_CAPABILITIES) ?? 'use a Linux capability name such as NET_BIND_SERVICE or SYS_ADMIN, or ALL'));
        });
      }
    };
    for (const crd of enabledCrds(ctx.model)) {
      for (const { block, decl } of allResources(crd)) {
        checkCaps(asRecord(decl.raw.securityContext)?.capabilities, [...decl.at, 'securityContext', 'capabilities'], declLabel(crd, block, decl));
      }
    }
    asList(asRecord(ctx.model.raw.profiles)?.containerSecurity).forEach((p, i) =>
      checkCaps(asRecord(p)?.capabilities, ['profiles', 'containerSecurity', i, 'capabilities'], `profile \`${String(asRecord(p)?.name ?? i)}\``));
    return out;
  },
};
