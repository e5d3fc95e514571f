/** Top-level `notes` (Orkestra `NoteRegistry`): user template functions callable by name. */
import { Type, type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool } from './scalars.ts';

export const NoteSchema = Obj('A user note: a named template expression, callable as {{ name }}.', {
  name: Str('Function name.'),
  description: Opt(Str('What it computes.')),
  expression: Str('Template; its trimmed output is the result ("true"/"false" become booleans).'),
  shadow: Opt(Bool('Acknowledge that this note overrides a built-in of the same name.')),
});

export const NotesSchema = Obj('User-defined template functions.', {
  include: Opt(Str('Path of a YAML file whose functions: list is prepended.')),
  functions: Opt(Type.Array(NoteSchema, { description: 'Notes.' })),
});
export type RawNotes = Static<typeof NotesSchema>;
