/** Command-line helpers shared by the bench scripts. */

/**
 * The value of a whole-number option `--name` (≥ 1), or `dflt` when it was not given; on anything
 * else prints `<script>: --name must be …` and exits 2.
 */
export function wholeOption(script: string, name: string, text: string | undefined, dflt: number): number {
  if (text === undefined) return dflt;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`${script}: --${name} must be a whole number ≥ 1, got "${text}"\n`);
    process.exit(2);
  }
  return n;
}
