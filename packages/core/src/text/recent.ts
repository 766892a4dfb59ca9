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
  /** A cheap signature per text key (length and three characters), checked before `===`, which compares whole texts. */
  private readonly signatures: Int32Array;
  private next = 0;

  constructor(private readonly size = 16) {
    this.keys = new Array(size).fill(undefined);
    this.values = new Array(size).fill(undefined);
    this.signatures = new Int32Array(size);
  }

  get(key: K, make: (key: K) => V): V {
    const { keys, signatures } = this;
    const signature = typeof key === 'string' ? signatureOf(key) : 0;
    for (let k = 0; k < keys.length; k++) if (signatures[k] === signature && keys[k] === key) return this.values[k]!;
    const v = make(key);
    keys[this.next] = key;
    this.values[this.next] = v;
    signatures[this.next] = signature;
    this.next = (this.next + 1) % this.size;
    return v;
  }
}

function signatureOf(s: string): number {
  const n = s.length;
  if (n === 0) return 1;
  return Math.imul(Math.imul(Math.imul(n, 31) ^ s.charCodeAt(0), 31) ^ s.charCodeAt(n >> 1), 31) ^ s.charCodeAt(n - 1);
}
