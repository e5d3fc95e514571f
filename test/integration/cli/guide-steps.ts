/**
 * Reads the executable steps of a Markdown guide (docs/getting-started.md) and checks outputs
 * against it. Markup, explicit so that prose and examples are never run by accident:
 *
 * - `<!-- step -->` + a fenced `sh` block: run it in the guide's shell, it must exit 0;
 *   `<!-- step wait -->`: retried until it exits 0 and prints its output (the operator works
 *   asynchronously); `<!-- step background -->`: started as in a second terminal, left running.
 * - `<!-- output -->` + a fenced `text` block right after a step: lines the step must print, in
 *   order (blank lines ignored, runs of spaces match any spacing, `…` matches anything).
 * - `<!-- ctrl-c -->`: the reader presses Ctrl-C in the background step's terminal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** One thing the reader does. */
export type GuideAction =
  | { readonly kind: 'step'; readonly mode: 'run' | 'wait' | 'background'; readonly script: string; readonly expected: readonly string[]; readonly line: number }
  | { readonly kind: 'ctrl-c'; readonly line: number };

/** Markers count only at the start of a line (prose may quote them). */
const MARKER = /^<!-- (step(?: (background|wait))?|output|ctrl-c) -->/gm;
const FENCE = /^\s*```(\w+)\n([\s\S]*?)\n```/;

/** The guide's actions in order; throws on a marker without its block (the guide is malformed). */
export function guideActions(markdown: string): GuideAction[] {
  const actions: GuideAction[] = [];
  for (const m of markdown.matchAll(MARKER)) {
    const line = markdown.slice(0, m.index).split('\n').length;
    if (m[1] === 'ctrl-c') {
      actions.push({ kind: 'ctrl-c', line });
      continue;
    }
    const fence = FENCE.exec(markdown.slice(m.index + m[0].length));
    const want = m[1] === 'output' ? 'text' : 'sh';
    if (!fence || fence[1] !== want) throw new Error(`guide line ${line}: ${m[0]} must be followed by a \`\`\`${want} block`);
    if (m[1] === 'output') {
      const last = actions.at(-1);
      if (last?.kind !== 'step' || last.expected.length > 0) throw new Error(`guide line ${line}: an output block must follow a step`);
      actions[actions.length - 1] = { ...last, expected: fence[2]!.split('\n').filter((l) => l.trim() !== '') };
    } else {
      actions.push({ kind: 'step', mode: m[2] === 'background' ? 'background' : m[2] === 'wait' ? 'wait' : 'run', script: fence[2]!, expected: [], line });
    }
  }
  return actions;
}

function lineRegExp(expected: string): RegExp {
  const body = expected
    .trim()
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/** The first expected line not found (in order) in `output`, or undefined when all are there. */
export function missingLine(expected: readonly string[], output: string): string | undefined {
  const lines = output.split('\n').map((l) => l.trim());
  let at = 0;
  for (const e of expected) {
    const re = lineRegExp(e);
    const i = lines.findIndex((l, j) => j >= at && re.test(l));
    if (i < 0) return e;
    at = i + 1;
  }
  return undefined;
}

/** One bash the reader types into: `cd` and `export` carry over from step to step, as in a terminal. */
export class GuideShell {
  readonly #bash: ChildProcess;
  readonly #mark = `@@step-done-${randomBytes(4).toString('hex')}`;
  #out = '';
  #waiter: (() => void) | undefined;

  constructor(cwd: string, env: NodeJS.ProcessEnv) {
    this.#bash = spawn('bash', ['--noprofile', '--norc'], { cwd, env, stdio: ['pipe', 'pipe', 'inherit'] });
    this.#bash.stdout!.setEncoding('utf8').on('data', (c: string) => {
      this.#out += c;
      this.#waiter?.();
    });
    this.#bash.stdin!.write('exec 2>&1\n');
  }

  /** Runs `script`; resolves with its exit status (that of its last command) and output. */
  run(script: string, timeoutMs = 120_000): Promise<{ code: number; output: string }> {
    this.#out = '';
    this.#bash.stdin!.write(`${script}\necho "${this.#mark} $?"\n`);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`step did not finish in ${timeoutMs} ms:\n${script}\noutput so far:\n${this.#out}`)), timeoutMs);
      this.#waiter = () => {
        const m = new RegExp(`${this.#mark} (\\d+)\\n`).exec(this.#out);
        if (!m) return;
        clearTimeout(timer);
        this.#waiter = undefined;
        resolve({ code: Number(m[1]), output: this.#out.slice(0, m.index) });
      };
      this.#waiter();
    });
  }

  /** The shell's working directory now. */
  async cwd(): Promise<string> {
    return (await this.run('pwd')).output.trim();
  }

  close(): void {
    this.#bash.stdin!.end('exit\n');
  }
}
