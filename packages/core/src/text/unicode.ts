/** Counting helpers: the one definition of "character", "emoji" and "word" used by all rules. */
import { CodePointTable } from './code-points.js';
import { Recent } from './recent.js';

const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}\uFE0F?|[\u{1F3FB}-\u{1F3FF}])*|[\u{1F1E6}-\u{1F1FF}]{2}|[0-9#*]\uFE0F?\u20E3/gu;

export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * A cheap native pre-check: the BMP code points that are Extended_Pictographic (all below U+3300)
 * or the keycap mark U+20E3, and the high surrogates of U+1F000–U+1FFFF. Built from the Unicode
 * property itself, so "€" or "→" no longer send a text through the full emoji regex.
 */
const MAYBE_EMOJI = (() => {
  const pictographic = /\p{Extended_Pictographic}/u;
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  let cls = '';
  let from = -1;
  for (let c = 0x80; c <= 0x3300; c++) {
    const yes = c < 0x3300 && (c === 0x20e3 || pictographic.test(String.fromCharCode(c)));
    if (yes && from < 0) from = c;
    if (!yes && from >= 0) {
      cls += from === c - 1 ? hex(from) : `${hex(from)}-${hex(c - 1)}`;
      from = -1;
    }
  }
  return new RegExp(`[${cls}\\ud83c-\\ud83f]`);
})();
const recentEmoji = new Recent<string, Span[]>();
const NO_EMOJI: Span[] = [];

/**
 * Emoji as the user sees them: a ZWJ family or a flag counts once. Memoised for the last texts,
 * since several rules look at the same fields.
 */
export function findEmoji(text: string): readonly Span[] {
  return recentEmoji.get(text, scanEmoji);
}

/** Every Extended_Pictographic code point is in one of these ranges: a cheaper class says "none" for most texts. */
const OUTER_EMOJI_RANGES = /[\u00a9\u00ae\u203c-\u3299\ud83c-\ud83f]/;

function scanEmoji(text: string): Span[] {
  if (!OUTER_EMOJI_RANGES.test(text) || !MAYBE_EMOJI.test(text)) return NO_EMOJI;
  const out: Span[] = [];
  EMOJI.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EMOJI.exec(text))) {
    // Plain digits and # are caught by the keycap branch only with U+20E3.
    if (/^[0-9#*]$/.test(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

// A word is /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*/u: it starts with a letter or digit and runs on
// through letters, marks, digits, apostrophes and hyphens. Counted by a walk over code points.
const STARTS = /[\p{L}\p{N}]/u;
const CONTINUES = /[\p{M}'’\-]/u;
/** 0: neither, 1: continues a word only (marks, apostrophes, hyphens), 2: starts or continues one. */
const WORD_CLASS = new CodePointTable((cp) => {
  const ch = String.fromCodePoint(cp);
  return STARTS.test(ch) ? 2 : CONTINUES.test(ch) ? 1 : 0;
});
const isThai = (c: number) => c >= 0x0e00 && c <= 0x0e7f;

/**
 * Words of a text, as Meta's editor approximates them (Thai has no spaces: 7 characters a word).
 * `gaps` (sorted, not overlapping: variables, say) are read as spaces, without a masked copy.
 */
export function countWords(text: string, gaps: readonly { start: number; end: number }[] = []): number {
  let words = 0;
  let thai = 0;
  let inWord = false;
  const n = text.length;
  let g = 0;
  let nextGap = gaps.length ? gaps[0]!.start : n;
  for (let i = 0; i < n; i++) {
    if (i >= nextGap) {
      // Inside a gap: it ends a word like a space.
      inWord = false;
      i = Math.max(i, gaps[g]!.end) - 1;
      g++;
      nextGap = g < gaps.length ? Math.max(gaps[g]!.start, i + 1) : n;
      continue;
    }
    let cp = text.charCodeAt(i);
    // A surrogate pair is one code point (as codePointAt reads it).
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (isThai(cp)) {
      // Thai letters count apart and break words like a space.
      thai++;
      inWord = false;
      continue;
    }
    const k = WORD_CLASS.get(cp);
    if (k === 2) {
      if (!inWord) words++;
      inWord = true;
    } else if (k === 0) inWord = false;
  }
  return words + Math.ceil(thai / 7);
}
