/** `operatorBox.autoscale`: runtime worker/queue/resync autoscaling (refused by ork). */
import { type Static } from '@sinclair/typebox';
import { AnyMap } from './scalars.ts';

export const AutoscaleSchema = AnyMap('Runtime autoscaling of workers/queue/resync (unfinished upstream; not supported by ork; shape not enforced yet).');
export type RawAutoscale = Static<typeof AutoscaleSchema>;
