/** Counting helpers: the one definition of "character", "emoji" and "word" used by all rules. */

const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}\uFE0F?|[\u{1F3FB}-\u{1F3FF}])*|[\u{1F1E6}-\u{1F1FF}]{2}|[0-9#*]\uFE0F?\u20E3/gu;

export interface Span {
  start: number;
  end: number;
  text: string;
}

// Every Extended_Pictographic code point is U+00A9, U+00AE, in U+203C–U+3299 or in U+1F000–U+1FFFF,
// and keycaps carry U+20E3: a text without one of these skips the Unicode regex.
const MAYBE_EMOJI = /[\u00a9\u00ae\u203c-\u3299\ud83c-\ud83f]/;
const emojiCache = new Map<string, Span[]>();
const NO_EMOJI: Span[] = [];

/**
 * Emoji as the user sees them: a ZWJ family or a flag counts once. Memoised for the last texts,
 * since several rules look at the same fields.
 */
export function findEmoji(text: string): readonly Span[] {
  if (!MAYBE_EMOJI.test(text)) return NO_EMOJI;
  const hit = emojiCache.get(text);
  if (hit) return hit;
  const out: Span[] = [];
  EMOJI.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EMOJI.exec(text))) {
    // Plain digits and # are caught by the keycap branch only with U+20E3.
    if (/^[0-9#*]$/.test(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  if (emojiCache.size > 64) emojiCache.clear();
  emojiCache.set(text, out);
  return out;
}

// A word is /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*/u: it starts with a letter or digit and runs on
// through letters, marks, digits, apostrophes and hyphens. Counted by a walk over code points.
const STARTS = /[\p{L}\p{N}]/u;
const CONTINUES = /[\p{M}'’\-]/u;
/** 0: neither, 1: continues a word only (marks, apostrophes, hyphens), 2: starts or continues one. */
const BMP_WORD_CLASS = new Uint8Array(65536);
const astralWordClass = new Map<number, number>();
function wordClass(cp: number): number {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) ? 2 : cp === 39 || cp === 45 ? 1 : 0;
  if (cp < 65536) {
    // Filled on first sight: 0 is "not yet known", otherwise the class plus one.
    const k = BMP_WORD_CLASS[cp]!;
    if (k !== 0) return k - 1;
    const c = wideWordClass(cp);
    BMP_WORD_CLASS[cp] = c + 1;
    return c;
  }
  let k = astralWordClass.get(cp);
  if (k === undefined) {
    k = wideWordClass(cp);
    if (astralWordClass.size < 20000) astralWordClass.set(cp, k);
  }
  return k;
}
function wideWordClass(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return STARTS.test(ch) ? 2 : CONTINUES.test(ch) ? 1 : 0;
}
const isThai = (c: number) => c >= 0x0e00 && c <= 0x0e7f;

/** Words of a text, as Meta's editor approximates them (Thai has no spaces: 7 characters a word). */
export function countWords(text: string): number {
  let words = 0;
  let thai = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (isThai(cp)) {
      // Thai letters count apart and break words like a space.
      thai++;
      inWord = false;
      continue;
    }
    const k = wordClass(cp);
    if (k === 2) {
      if (!inWord) words++;
      inWord = true;
    } else if (k === 0) inWord = false;
  }
  return words + Math.ceil(thai / 7);
}
