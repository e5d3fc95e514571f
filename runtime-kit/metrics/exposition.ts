/**
 * Prometheus metrics in the text exposition format (version 0.0.4): a registry of counters,
 * gauges and histograms with labels, rendered on demand. It covers what an operator needs and
 * no more: no summaries, exemplars, push gateway or cluster aggregation. It replaced prom-client
 * in the operator bundle to save idle memory (~1.8 MiB RSS, bench/README.md); its output is
 * checked sample for sample against prom-client's in the unit tests.
 */

/** Label values by label name. */
export type Labels = Readonly<Record<string, string | number>>;

/** Values rendered as Prometheus does: `+Inf`, `-Inf`, `NaN`, else the shortest JS form. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

const escapeHelp = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const escapeLabel = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** `{a="x",b="y"}` from name/value pairs, or `` when there are none. */
function labelText(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.length === 0 ? '' : `{${pairs.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

/** Options shared by every metric. */
export interface MetricOptions {
  readonly name: string;
  readonly help: string;
  readonly labelNames?: readonly string[];
  /** Registries to register with on construction. */
  readonly registers?: readonly Registry[];
  /** Called before each render, e.g. to set a gauge from the process state. */
  readonly collect?: () => void | Promise<void>;
}

/** One label set's state. */
interface Series<S> {
  readonly values: readonly string[];
  state: S;
}

/** What a registry needs of a metric. */
export interface RegisteredMetric {
  readonly name: string;
  collect(): Promise<void>;
  render(defaults: ReadonlyArray<readonly [string, string]>): string[];
}

/** What every metric type shares: a name, help, label names and one state per label set. */
abstract class Metric<S> implements RegisteredMetric {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  abstract readonly type: 'counter' | 'gauge' | 'histogram';
  readonly #collect: (() => void | Promise<void>) | undefined;
  readonly #series = new Map<string, Series<S>>();

  constructor(opts: MetricOptions) {
    if (!NAME.test(opts.name)) throw new Error(`metric name ${JSON.stringify(opts.name)} is not a valid Prometheus name`);
    for (const l of opts.labelNames ?? []) {
      if (!LABEL.test(l) || l.startsWith('__')) throw new Error(`metric ${opts.name}: label name ${JSON.stringify(l)} is not valid`);
    }
    this.name = opts.name;
    this.help = opts.help;
    this.labelNames = [...(opts.labelNames ?? [])];
    this.#collect = opts.collect;
    for (const r of opts.registers ?? []) r.register(this);
  }

  /** The label values of `labels` in declared order; labels must be exactly the declared names. */
  #values(labels: Labels | undefined): string[] {
    const given = labels ?? {};
    const values = this.labelNames.map((n) => {
      const v = given[n];
      if (v === undefined) throw new Error(`metric ${this.name}: label ${n} missing`);
      return String(v);
    });
    if (Object.keys(given).length !== values.length) throw new Error(`metric ${this.name}: unknown label in ${JSON.stringify(Object.keys(given))}`);
    return values;
  }

  /** The state for `labels`, created with `init` on first use. */
  protected series(labels: Labels | undefined, init: () => S): Series<S> {
    const values = this.#values(labels);
    const key = values.join('\u0000');
    let s = this.#series.get(key);
    if (!s) {
      s = { values, state: init() };
      this.#series.set(key, s);
    }
    return s;
  }

  /** The state of the series of `labels`, if it exists (for tests and readers in process; a label left out matches only an empty value). */
  protected peek(labels: Labels | undefined): S | undefined {
    const given = labels ?? {};
    return this.#series.get(this.labelNames.map((n) => String(given[n] ?? '')).join('\u0000'))?.state;
  }

  /** Runs the collect hook, if any. */
  async collect(): Promise<void> {
    await this.#collect?.();
  }

  /** The metric's lines, with `defaults` appended to every sample's labels. */
  render(defaults: ReadonlyArray<readonly [string, string]>): string[] {
    const out = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`];
    const extra = defaults.filter(([k]) => !this.labelNames.includes(k));
    for (const s of this.#series.values()) {
      const pairs = [...this.labelNames.map((n, i) => [n, s.values[i]!] as const), ...extra];
      out.push(...this.samples(s.state, pairs));
    }
    return out;
  }

  /** The sample lines of one series. */
  protected abstract samples(state: S, pairs: ReadonlyArray<readonly [string, string]>): string[];

  /** A metric without labels has its one series from the start (rendered as 0). */
  protected initUnlabelled(init: () => S): void {
    if (this.labelNames.length === 0) this.series(undefined, init);
  }
}

/** A new series' state for counters and gauges. */
const zero = (): { value: number } => ({ value: 0 });

/** A metric with one number per series: what counters and gauges share. */
abstract class SingleValue extends Metric<{ value: number }> {
  constructor(opts: MetricOptions) {
    super(opts);
    this.initUnlabelled(zero);
  }

  /** The current value of the series of `labels`, or undefined before its first update. */
  value(labels?: Labels): number | undefined {
    return this.peek(labels)?.value;
  }

  /** The state of the series of `labels`, created at 0 on first use. */
  protected cell(labels: Labels | undefined): { value: number } {
    return this.series(labels, zero).state;
  }

  protected samples(state: { value: number }, pairs: ReadonlyArray<readonly [string, string]>): string[] {
    return [`${this.name}${labelText(pairs)} ${formatValue(state.value)}`];
  }
}

/** A value that only goes up. */
export class Counter extends SingleValue {
  readonly type = 'counter';

  /** Adds `by` (default 1, never negative) to the series of `labels`. */
  inc(labels?: Labels, by = 1): void {
    if (!(by >= 0)) throw new Error(`counter ${this.name}: cannot add ${by}`);
    this.cell(labels).value += by;
  }

  /** Sets the total, for a counter kept elsewhere and read at collect time (e.g. process CPU time). */
  setTotal(labels: Labels | undefined, total: number): void {
    this.cell(labels).value = total;
  }
}

/** A value that goes up and down. */
export class Gauge extends SingleValue {
  readonly type = 'gauge';

  /** Sets the series of `labels` (omit them for an unlabelled gauge: `set(3)`). */
  set(labelsOrValue: Labels | number, value?: number): void {
    if (typeof labelsOrValue === 'number') this.cell(undefined).value = labelsOrValue;
    else this.cell(labelsOrValue).value = value ?? 0;
  }
}

/** Options of a histogram: the bucket upper bounds, ascending (`+Inf` is implied). */
export interface HistogramOptions extends MetricOptions {
  readonly buckets: readonly number[];
}

interface HistogramState {
  readonly counts: number[];
  sum: number;
  count: number;
}

/** Observations counted in cumulative buckets, with their sum and count. */
export class Histogram extends Metric<HistogramState> {
  readonly type = 'histogram';
  readonly buckets: readonly number[];

  constructor(opts: HistogramOptions) {
    super(opts);
    this.buckets = [...opts.buckets].sort((a, b) => a - b);
    this.initUnlabelled(() => this.#empty());
  }

  /** Counts `value` in the series of `labels`. */
  observe(labels: Labels | undefined, value: number): void {
    const s = this.series(labels, () => this.#empty()).state;
    const i = this.buckets.findIndex((b) => value <= b);
    if (i >= 0) s.counts[i]! += 1;
    s.sum += value;
    s.count += 1;
  }

  #empty(): HistogramState {
    return { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
  }

  protected samples(state: HistogramState, pairs: ReadonlyArray<readonly [string, string]>): string[] {
    const out: string[] = [];
    let cumulative = 0;
    this.buckets.forEach((b, i) => {
      cumulative += state.counts[i]!;
      out.push(`${this.name}_bucket${labelText([['le', formatValue(b)], ...pairs])} ${cumulative}`);
    });
    out.push(`${this.name}_bucket${labelText([['le', '+Inf'], ...pairs])} ${state.count}`);
    out.push(`${this.name}_sum${labelText(pairs)} ${formatValue(state.sum)}`, `${this.name}_count${labelText(pairs)} ${state.count}`);
    return out;
  }
}

/** A set of metrics rendered together, with labels added to every sample. */
export class Registry {
  /** The Content-Type of `metrics()`'s text. */
  readonly contentType = 'text/plain; version=0.0.4; charset=utf-8';
  readonly #metrics = new Map<string, RegisteredMetric>();
  #defaults: ReadonlyArray<readonly [string, string]> = [];

  /** Adds `metric`; a second metric of the same name is a programming error. */
  register(metric: RegisteredMetric): void {
    if (this.#metrics.has(metric.name)) throw new Error(`metric ${metric.name} is already registered`);
    this.#metrics.set(metric.name, metric);
  }

  /** Labels appended to every sample (a metric's own label of the same name wins). */
  setDefaultLabels(labels: Readonly<Record<string, string>>): void {
    for (const l of Object.keys(labels)) if (!LABEL.test(l)) throw new Error(`default label name ${JSON.stringify(l)} is not valid`);
    this.#defaults = Object.entries(labels);
  }

  /** The registered metric called `name`, if any. */
  get(name: string): RegisteredMetric | undefined {
    return this.#metrics.get(name);
  }

  /** Every metric in registration order, as exposition text (collect hooks run first). */
  async metrics(): Promise<string> {
    const all = [...this.#metrics.values()];
    await Promise.all(all.map((m) => m.collect()));
    return `${all.flatMap((m) => m.render(this.#defaults)).join('\n')}\n`;
  }
}
