/**
 * Post-processing of emitted lines so generated code passes `noUnusedLocals`: the emitter
 * names everything it binds (`v1`, `k2`, `e3`), and this pass drops bindings nobody reads.
 */

/**
 * Makes generated code clean under `noUnusedLocals`: template variables that are never read
 * keep their evaluation (`void (expr);`, errors still happen) but lose their binding; unused
 * range bindings disappear.
 */
export function pruneUnused(lines: readonly string[]): string[] {
  const text = lines.join('\n');
  const pass1 = lines
    .map((line) => {
      const decl = /^(\s*)let (v\d+): rt\.GoValue = (.*);$/.exec(line);
      if (decl && countReads(text, decl[2] as string) === 0) return `${decl[1]}void (${decl[3]});`;
      const bind = /^(\s*)const (v\d+): rt\.GoValue = [ke]\d+;$/.exec(line);
      if (bind && countUses(text, bind[2] as string) === 1) return '';
      const assign = /^(\s*)(v\d+) = (.*);$/.exec(line);
      if (assign && countReads(text, assign[2] as string) === 0) return `${assign[1]}void (${assign[3]});`;
      return line;
    })
    .filter((l) => l !== '');
  const text2 = pass1.join('\n');
  return pass1.map((line) => {
    const loop = /^(\s*)for \(const \[(k\d+), (e\d+)\] of (r\d+)\) \{$/.exec(line);
    if (!loop) return line;
    const [, indent, k, e, r] = loop as unknown as [string, string, string, string, string];
    const kUsed = countUses(text2, k) > 1;
    const eUsed = countUses(text2, e) > 1;
    return `${indent}for (const [${kUsed ? k : ''}${kUsed || eUsed ? ', ' : ''}${eUsed ? e : ''}] of ${r}) {`.replace('[, ]', '[]');
  });
}

function countUses(text: string, id: string): number {
  return (text.match(new RegExp(`\\b${id}\\b`, 'g')) ?? []).length;
}

/** Occurrences of a variable other than its declaration and assignments to it. */
function countReads(text: string, id: string): number {
  const writes = (text.match(new RegExp(`(?:let ${id}: rt\\.GoValue =|^\\s*${id} =)`, 'gm')) ?? []).length;
  return countUses(text, id) - writes;
}

