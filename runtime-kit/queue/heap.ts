/** A binary min-heap ordered by `less`, with in-place priority decrease (`update`). */
export class MinHeap<E> {
  readonly #items: E[] = [];
  readonly #less: (a: E, b: E) => boolean;

  constructor(less: (a: E, b: E) => boolean) {
    this.#less = less;
  }

  size(): number {
    return this.#items.length;
  }

  peek(): E | undefined {
    return this.#items[0];
  }

  push(e: E): void {
    this.#items.push(e);
    this.#up(this.#items.length - 1);
  }

  pop(): E | undefined {
    const top = this.#items[0];
    const last = this.#items.pop();
    if (this.#items.length > 0 && last !== undefined) {
      this.#items[0] = last;
      this.#down(0);
    }
    return top;
  }

  /** Restores order after `e`'s key decreased. */
  update(e: E): void {
    const i = this.#items.indexOf(e);
    if (i >= 0) this.#up(i);
  }

  clear(): void {
    this.#items.length = 0;
  }

  #up(i: number): void {
    const a = this.#items;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(a[i] as E, a[parent] as E)) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #down(i: number): void {
    const a = this.#items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && this.#less(a[l] as E, a[m] as E)) m = l;
      if (r < a.length && this.#less(a[r] as E, a[m] as E)) m = r;
      if (m === i) return;
      this.#swap(i, m);
      i = m;
    }
  }

  #swap(i: number, j: number): void {
    const a = this.#items;
    [a[i], a[j]] = [a[j] as E, a[i] as E];
  }
}
