/**
 * A memo for the last few objects (templates), found by identity. The rules of one template run one
 * after another, so a handful of slots catches every repeat; unlike a WeakMap keyed by short-lived
 * templates, it leaves no ephemeron entries behind for the garbage collector to sweep.
 */
export class RecentObjects<K extends object, V> {
  private readonly keys: (K | undefined)[];
  private readonly values: (V | undefined)[];
  private next = 0;

  constructor(private readonly size = 8) {
    this.keys = new Array(size).fill(undefined);
    this.values = new Array(size).fill(undefined);
  }

  get(key: K): V | undefined {
    const { keys } = this;
    for (let k = 0; k < keys.length; k++) if (keys[k] === key) return this.values[k];
    return undefined;
  }

  set(key: K, value: V): void {
    const { keys } = this;
    for (let k = 0; k < keys.length; k++) {
      if (keys[k] === key) {
        this.values[k] = value;
        return;
      }
    }
    keys[this.next] = key;
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.size;
  }
}
