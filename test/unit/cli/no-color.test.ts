/**
 * Colour (and progress lines) only on a terminal, colour never with NO_COLOR (or TERM=dumb): `ork`
 * runs under a real pseudo-terminal (util-linux `script`), with and without NO_COLOR, and through a pipe.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, runOrk } from '../../helpers/run-ork.ts';
import { useColor } from '../../../compiler/cli/output.ts';

const ESC = '\u001b[';
const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

/** Runs `bin/ork args` on a pseudo-terminal; returns what the terminal showed (stdout and stderr). */
function onTerminal(args: readonly string[], env: Record<string, string | undefined>): Promise<{ code: number; screen: string }> {
  const quoted = [path.join(REPO_ROOT, 'bin', 'ork'), ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const childEnv: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm' };
  delete childEnv['NO_COLOR'];
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k]; else childEnv[k] = v;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', quoted, '/dev/null'], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let screen = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (screen += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, screen }));
  });
}

const INVALID = 'examples/invalid/ork004-unknown-key.yaml';

test('diagnostics are coloured on a terminal, plain with NO_COLOR set (even empty) or TERM=dumb', { skip: !hasScript && 'util-linux `script` is not installed' }, async () => {
  const plainEnvs = [{ NO_COLOR: '1' }, { NO_COLOR: '' }, { TERM: 'dumb' }];
  const [tty, ...plains] = await Promise.all([onTerminal(['validate', INVALID], {}), ...plainEnvs.map((env) => onTerminal(['validate', INVALID], env))]);
  assert.equal(tty!.code, 1, tty!.screen);
  assert.ok(tty!.screen.includes(ESC), `expected ANSI colour on a terminal:\n${tty!.screen}`);
  assert.match(tty!.screen, /error\[ORK004\]/);
  for (const [i, env] of plainEnvs.entries()) {
    const plain = plains[i]!;
    assert.equal(plain.code, 1);
    assert.ok(!plain.screen.includes(ESC), `no colour expected with ${JSON.stringify(env)}:\n${plain.screen}`);
    assert.match(plain.screen, /error\[ORK004\]: unknown key `wrokers`/);
  }
});

test('data on stdout (ork simulate) is coloured on a terminal only, never through a pipe; progress only on a terminal', { skip: !hasScript && 'util-linux `script` is not installed' }, async () => {
  const args = ['simulate', 'examples/web-app/katalog.yaml', '--cr', 'examples/web-app/cr.yaml'];
  const tty = await onTerminal(args, {});
  assert.equal(tty.code, 0, tty.screen);
  assert.ok(tty.screen.includes(`${ESC}32m+ created Deployment default/hello`), tty.screen);
  assert.ok(tty.screen.includes('generating and bundling the operator…'), 'progress on a terminal');
  const noColor = await onTerminal(args, { NO_COLOR: '1' });
  assert.ok(!noColor.screen.includes(ESC), noColor.screen);
  assert.match(noColor.screen, /\+ created Deployment default\/hello/);
  const piped = await runOrk(args, { env: { NO_COLOR: undefined } });
  assert.equal(piped.code, 0, piped.stderr);
  assert.ok(!piped.stdout.includes(ESC) && !piped.stderr.includes(ESC));
  assert.equal(piped.stderr, '', 'no progress lines through a pipe');
});

test('useColor: a TTY stream without NO_COLOR only', () => {
  const saved = { NO_COLOR: process.env['NO_COLOR'], TERM: process.env['TERM'] };
  try {
    delete process.env['NO_COLOR'];
    process.env['TERM'] = 'xterm';
    assert.equal(useColor({ isTTY: true } as NodeJS.WriteStream), true);
    assert.equal(useColor({ isTTY: false } as NodeJS.WriteStream), false);
    process.env['NO_COLOR'] = '';
    assert.equal(useColor({ isTTY: true } as NodeJS.WriteStream), false);
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
});
