/**
 * Per-code-point properties (word character, letter, script...), computed once per code point and
 * remembered: Unicode property regexes are slow to run per character, and a Map look-up per
 * character cost a fifth of a text scan. The BMP sits in a 64 KB table; the rest in a capped Map.
 */
export class CodePointTable {
  /** 0: not yet computed, otherwise the value plus one. */
  private readonly bmp = new Uint8Array(65536);
  private readonly astral = new Map<number, number>();

  /** `compute` returns a small number (0 to 254) for a code point. */
  constructor(private readonly compute: (cp: number) => number) {}

  get(cp: number): number {
    if (cp < 65536) {
      const k = this.bmp[cp]!;
      if (k !== 0) return k - 1;
      const v = this.compute(cp);
      this.bmp[cp] = v + 1;
      return v;
    }
    let v = this.astral.get(cp);
    if (v === undefined) {
      v = this.compute(cp);
      if (this.astral.size < 20000) this.astral.set(cp, v);
    }
    return v;
  }
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const LETTERS_AND_MARKS = new CodePointTable((cp) => (LETTER_OR_MARK.test(String.fromCodePoint(cp)) ? 1 : 0));

/** `[\p{L}\p{M}]` for one code point. */
export const isLetterOrMark = (cp: number): boolean => LETTERS_AND_MARKS.get(cp) === 1;
