/**
 * What was derived from the last few texts, found by `===`. The rules of one template ask about the
 * same few field texts in turn, so a small ring catches every repeat. A Map keyed by every text seen
 * hashed each long text once more, and kept thousands of texts alive long enough for the garbage
 * collector to promote them: a ring forgets them after a few templates.
 */
export class RecentTexts<V> {
  private readonly texts: (string | undefined)[];
  private readonly values: (V | undefined)[];
  private next = 0;

  constructor(private readonly size = 16) {
    this.texts = new Array(size).fill(undefined);
    this.values = new Array(size).fill(undefined);
  }

  get(text: string, make: (text: string) => V): V {
    const { texts } = this;
    for (let k = 0; k < texts.length; k++) if (texts[k] === text) return this.values[k]!;
    const v = make(text);
    texts[this.next] = text;
    this.values[this.next] = v;
    this.next = (this.next + 1) % this.size;
    return v;
  }
}
