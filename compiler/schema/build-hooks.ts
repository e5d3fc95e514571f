/** `git:` and `docker:` hooks of a hook block (Orkestra `git.go`, `docker.go`; refused by ork). */
import { type Static } from '@sinclair/typebox';
import { Obj, Opt, Str, Bool } from './scalars.ts';
import { gateKeys } from './conditions.ts';

const hookRunKeys = (what: string) => ({
  reconcile: Opt(Bool(`Run the ${what} on every reconcile (default: onCreate only).`)),
  continueOnError: Opt(Bool(`On failure set .${what}.error and continue.`)),
  ...gateKeys(`the ${what} hook`),
});

export const GitHookSchema = Obj('Check out a Git repository before the block; results in .git.* (not supported by ork).', {
  repo: Str('Repository URL.'),
  branch: Opt(Str('Branch, default main.')),
  path: Opt(Str('Subdirectory for change detection.')),
  ...hookRunKeys('git'),
});
export type RawGitHook = Static<typeof GitHookSchema>;

export const DockerHookSchema = Obj('Build (and push) an image before the block; results in .docker.* (not supported by ork).', {
  image: Str('Image reference to build (template).'),
  workingDirectory: Opt(Str('Build context, e.g. "{{ .git.path }}".')),
  dockerfile: Opt(Str('Dockerfile path.')),
  push: Opt(Bool('Push after a successful build.')),
  builder: Opt(Str('docker (default), kaniko, buildah or podman.')),
  ...hookRunKeys('docker'),
});
export type RawDockerHook = Static<typeof DockerHookSchema>;
