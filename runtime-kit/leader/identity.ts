/** Leader-election identities. */
import { randomBytes } from 'node:crypto';
import os from 'node:os';

/**
 * `<pod name or hostname>_<8 random hex digits>`: unique per process even when two processes share
 * a hostname. The pod name comes from env `POD_NAME` (downward API), else the hostname.
 */
export function defaultIdentity(env: NodeJS.ProcessEnv = process.env): string {
  const base = env['POD_NAME'] !== undefined && env['POD_NAME'] !== '' ? env['POD_NAME'] : os.hostname();
  return `${base}_${randomBytes(4).toString('hex')}`;
}
