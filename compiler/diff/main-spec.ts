/**
 * Reads the operator specification out of a generated `src/main.ts`: for each CRD entry its
 * name, child kinds and dependencies. The generator prints them as one JSON literal per line
 * (compiler/emit/main-module.ts), so this reads lines, not TypeScript.
 */

/** One CRD of the operator as `src/main.ts` declares it. */
export interface OperatorCrd {
  readonly name: string;
  /** `apiVersion Kind` of each child kind, in declaration order. */
  readonly childKinds: readonly string[];
  readonly dependsOn: ReadonlyArray<{ readonly name: string; readonly condition: string }>;
}

/** Thrown when `src/main.ts` is not in the shape ork generates. */
export class MainSpecError extends Error {}

const FIELD = /^\s+(name|childKinds|dependsOn): (.*),$/;

/** The CRD entries of a generated `src/main.ts`, in its start order. */
export function readMainSpec(text: string): OperatorCrd[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\s*crds: \[/.test(l));
  if (start < 0) throw new MainSpecError('no `crds: [` in the operator spec');
  const out: Array<{ name: string; childKinds: string[]; dependsOn: Array<{ name: string; condition: string }> }> = [];
  for (const line of lines.slice(start + 1)) {
    const m = FIELD.exec(line);
    if (!m) continue;
    const value = parse(m[2]!, line);
    if (m[1] === 'name') {
      if (typeof value !== 'string') throw new MainSpecError(`a CRD name is not a string: ${line.trim()}`);
      out.push({ name: value, childKinds: [], dependsOn: [] });
      continue;
    }
    const cur = out[out.length - 1];
    if (!cur || !Array.isArray(value)) throw new MainSpecError(`unexpected line: ${line.trim()}`);
    if (m[1] === 'childKinds') cur.childKinds = value.map((k: { apiVersion?: unknown; kind?: unknown }) => `${String(k.apiVersion)} ${String(k.kind)}`);
    else cur.dependsOn = value.map((d: { name?: unknown; condition?: unknown }) => ({ name: String(d.name), condition: String(d.condition) }));
  }
  return out;
}

function parse(json: string, line: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new MainSpecError(`not a JSON literal: ${line.trim()}`);
  }
}
