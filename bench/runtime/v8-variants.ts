/**
 * The V8 flag sets the bench compares for ork's operator: the image's own
 * (`OPERATOR_NODE_FLAGS`) against the compiler tiers it leaves out. Used by the memory side (idle
 * RSS per variant) and by `npm run bench:tiers` (CPU and RSS under load per variant).
 */
import { OPERATOR_NODE_FLAGS } from '../../compiler/emit/project.ts';

/** One flag set: a short name for tables, a label saying what it is, the Node arguments. */
export interface V8Variant {
  readonly name: string;
  readonly label: string;
  readonly args: readonly string[];
}

const base = ['--max-semi-space-size=1', '--optimize-for-size'];

/** The image's flags first, then the alternatives measured against them. */
export const V8_VARIANTS: readonly V8Variant[] = [
  { name: 'image', label: `\`${OPERATOR_NODE_FLAGS.join(' ')}\` (the image's flags: Sparkplug is the top tier)`, args: OPERATOR_NODE_FLAGS },
  { name: 'turbofan', label: '`--max-semi-space-size=1 --no-maglev --optimize-for-size` (the image\'s flags up to bench run 6: TurboFan on)', args: [...base.slice(0, 1), '--no-maglev', ...base.slice(1)] },
  { name: 'maglev', label: '`--max-semi-space-size=1 --optimize-for-size --max-opt=2` (Maglev is the top tier)', args: [...base, '--max-opt=2'] },
  { name: 'lite', label: `\`${OPERATOR_NODE_FLAGS.join(' ')} --lite-mode\` (no compiler: the interpreter only)`, args: [...OPERATOR_NODE_FLAGS, '--lite-mode'] },
  { name: 'none', label: 'no V8 flags (all of V8\'s tiers)', args: [] },
];
