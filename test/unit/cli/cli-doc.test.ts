import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildProgram } from '../../../compiler/cli/main.ts';
import { allCommands, helpAfterText, renderCliDoc } from '../../../scripts/cli-doc.ts';
import { runOrk } from '../../helpers/run-ork.ts';

test('docs/cli.md is generated from the commander definitions (run `npm run docs:cli` to refresh)', () => {
  assert.equal(readFileSync('docs/cli.md', 'utf8'), renderCliDoc(buildProgram()));
});

test('every command and subcommand documents examples in its --help', () => {
  const missing = allCommands(buildProgram()).filter((c) => !/\nExamples:|^Examples:/.test(helpAfterText(c.cmd))).map((c) => c.path);
  assert.deepEqual(missing, [], `commands without "Examples:" in --help: ${missing.join(', ')}`);
});

test('every example in --help names a real command and parses (no unknown option or command)', () => {
  const program = buildProgram();
  const known = new Set(allCommands(program).map((c) => c.path));
  for (const { path, cmd } of allCommands(program)) {
    const examples = helpAfterText(cmd).split('\n').filter((l) => /^ {2}ork /.test(l));
    for (const line of examples) {
      const words = line.trim().split(/\s+/).slice(1);
      const sub = words[1] !== undefined && known.has(`${words[0]} ${words[1]}`) ? `${words[0]} ${words[1]}` : words[0]!;
      assert.ok(known.has(sub), `${path}: example \`${line.trim()}\` names no command`);
      const target = allCommands(program).find((c) => c.path === sub)!.cmd;
      for (const flag of words.filter((w) => w.startsWith('-'))) {
        const name = flag.split('=')[0]!;
        assert.ok(target.options.some((o) => o.short === name || o.long === name) || name === '-h' || name === '--help', `${path}: example \`${line.trim()}\` uses ${name}, which \`ork ${sub}\` does not define`);
      }
    }
  }
});

test('ork <command> --help prints the same examples the reference shows, exit 0', async () => {
  const r = await runOrk(['simulate', '--help']);
  assert.equal(r.code, 0, r.stderr);
  const cmd = allCommands(buildProgram()).find((c) => c.path === 'simulate')!.cmd;
  assert.ok(r.stdout.includes(helpAfterText(cmd)), r.stdout);
  assert.ok(readFileSync('docs/cli.md', 'utf8').includes(helpAfterText(cmd)));
});
