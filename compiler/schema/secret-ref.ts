/** A reference to a key of a Kubernetes Secret (Orkestra `APISecretRef`). */
import { Obj, Opt, Str } from './scalars.ts';

export const SecretRefSchema = Obj('A key of a Kubernetes Secret.', {
  name: Str('Secret name.'),
  key: Str('Data key inside the Secret.'),
  namespace: Opt(Str('Secret namespace; default the operator namespace.')),
  rotateAfter: Opt(Str('Recreate the Secret with a new value when older than this (e.g. 90d).')),
});
