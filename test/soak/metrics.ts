/** Reads an operator's Prometheus text from its /metrics endpoint, once or sampled over time. */

/** The value of series `name` whose labels include every pair in `labels` (sum over matches; 0 when absent). */
export function metricValue(text: string, name: string, labels: Readonly<Record<string, string>> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)$/.exec(line);
    if (m === null || m[1] !== name) continue;
    const set = m[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => set.includes(`${k}="${v}"`))) sum += Number(m[3]);
  }
  return sum;
}

/** GET http://127.0.0.1:PORT/metrics (undefined when the process does not answer). */
export async function scrape(port: number): Promise<string | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(5_000) });
    return res.ok ? await res.text() : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a gauge every `everyMs` on several operator ports and keeps the maximum seen. */
export class GaugeMax {
  max = 0;
  samples = 0;
  readonly #timer: NodeJS.Timeout;
  #busy = false;

  constructor(ports: () => readonly number[], name: string, labels: Readonly<Record<string, string>>, everyMs = 250) {
    this.#timer = setInterval(() => {
      if (this.#busy) return;
      this.#busy = true;
      void Promise.all(
        ports().map(async (p) => {
          const text = await scrape(p);
          if (text === undefined) return;
          this.samples++;
          this.max = Math.max(this.max, metricValue(text, name, labels));
        }),
      ).finally(() => (this.#busy = false));
    }, everyMs);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
