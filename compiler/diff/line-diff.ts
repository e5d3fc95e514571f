/**
 * A unified line diff (`@@ -a,n +b,m @@` hunks, ` `/`-`/`+` lines) with a few lines of
 * context: longest common subsequence after trimming the common head and tail, enough for
 * generated modules of a few thousand lines.
 */

type Op = { readonly kind: ' ' | '-' | '+'; readonly text: string };

function edits(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ma = a.slice(head, a.length - tail);
  const mb = b.slice(head, b.length - tail);
  const n = ma.length;
  const m = mb.length;
  // lcs[i][j] = LCS length of ma[i..] and mb[j..], one flat array
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = ma[i] === mb[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const ops: Op[] = [];
  for (let k = 0; k < head; k++) ops.push({ kind: ' ', text: a[k]! });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ma[i] === mb[j]) {
      ops.push({ kind: ' ', text: ma[i]! });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * (m + 1) + j + 1]! >= lcs[(i + 1) * (m + 1) + j]!)) {
      ops.push({ kind: '+', text: mb[j]! });
      j++;
    } else {
      ops.push({ kind: '-', text: ma[i]! });
      i++;
    }
  }
  for (let k = 0; k < tail; k++) ops.push({ kind: ' ', text: a[a.length - tail + k]! });
  return reorder(ops);
}

/** Within each run of changes, removals before additions (as `diff -u` prints them). */
function reorder(ops: Op[]): Op[] {
  const out: Op[] = [];
  let run: Op[] = [];
  const flush = (): void => {
    out.push(...run.filter((o) => o.kind === '-'), ...run.filter((o) => o.kind === '+'));
    run = [];
  };
  for (const o of ops) {
    if (o.kind === ' ') {
      flush();
      out.push(o);
    } else run.push(o);
  }
  flush();
  return out;
}

/** The unified diff of two texts, or '' when they are equal. `context` lines around each change. */
export function unifiedDiff(aText: string, bText: string, context = 3): string {
  if (aText === bText) return '';
  const a = aText.split('\n');
  const b = bText.split('\n');
  const ops = edits(a, b);
  const changed = ops.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  const hunks: Array<[number, number]> = [];
  for (const k of changed) {
    const from = Math.max(0, k - context);
    const to = Math.min(ops.length - 1, k + context);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else hunks.push([from, to]);
  }
  const lines: string[] = [];
  for (const [from, to] of hunks) {
    const slice = ops.slice(from, to + 1);
    const aCount = slice.filter((o) => o.kind !== '+').length;
    const bCount = slice.filter((o) => o.kind !== '-').length;
    const before = ops.slice(0, from);
    const aBefore = before.filter((o) => o.kind !== '+').length;
    const bBefore = before.filter((o) => o.kind !== '-').length;
    const aStart = aCount === 0 ? aBefore : aBefore + 1;
    const bStart = bCount === 0 ? bBefore : bBefore + 1;
    lines.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`);
    for (const o of slice) lines.push(`${o.kind}${o.text}`);
  }
  return lines.join('\n');
}
