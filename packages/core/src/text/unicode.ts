/** Counting helpers: the one definition of "character", "emoji" and "word" used by all rules. */

/** Meta's editor counts with JavaScript string length (UTF-16 code units); so do we. */
export const charLength = (s: string) => s.length;

const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}\uFE0F?|[\u{1F3FB}-\u{1F3FF}])*|[\u{1F1E6}-\u{1F1FF}]{2}|[0-9#*]\uFE0F?\u20E3/gu;

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Emoji as the user sees them: a ZWJ family or a flag counts once. */
export function findEmoji(text: string): Span[] {
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

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*/gu;
const THAI = /[\u0E00-\u0E7F]/g;

/** Words of a text, as Meta's editor approximates them (Thai has no spaces: 7 characters a word). */
export function countWords(text: string): number {
  const thai = text.match(THAI)?.length ?? 0;
  const rest = thai ? text.replace(THAI, ' ') : text;
  return (rest.match(WORD)?.length ?? 0) + Math.ceil(thai / 7);
}
