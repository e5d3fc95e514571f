/** `operatorBox.cross`: read-only reads of sibling CRs into .cross.<as>.* */
import { Type, type Static } from '@sinclair/typebox';
import { AnyMap } from './scalars.ts';

export const CrossSchema = AnyMap('A cross-CRD read (shape not enforced yet).');
export const CrossListSchema = Type.Array(CrossSchema, { description: 'CRs of other CRDs read before the templates run: .cross.<as>.*' });
export type RawCross = Static<typeof CrossSchema>;
