/**
 * What was derived from the last few keys (field texts, templates), found by `===`. The rules of one
 * template ask about the same few texts and the same template in turn, so a small ring catches every
 * repeat. A Map keyed by every text seen hashed each long text once more and kept thousands of texts
 * alive long enough for the garbage collector to promote them; a WeakMap keyed by short-lived
 * templates leaves ephemeron entries to sweep. A ring forgets them after a few templates.
 */
export class Recent<K, V> {
  private readonly keys: (K | undefined)[];
  private readonly values: (V | undefined)[];
  private next = 0;

  constructor(private readonly size = 16) {
    this.keys = new Array(size).fill(undefined);
    this.values = new Array(size).fill(undefined);
  }

  get(key: K, make: (key: K) => V): V {
    const { keys } = this;
    for (let k = 0; k < keys.length; k++) if (keys[k] === key) return this.values[k]!;
    const v = make(key);
    keys[this.next] = key;
    this.values[this.next] = v;
    this.next = (this.next + 1) % this.size;
    return v;
  }
}
