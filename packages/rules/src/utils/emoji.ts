/**
 * Emoji found once per text. The definition is core's `findEmoji` (extended pictographic clusters,
 * ZWJ sequences, flags and keycaps count once); this only memoises it, because the emoji rules and
 * `auth-content` look at the same texts.
 */
import { findEmoji, type Span } from '@greenlight/core';

const cache = new Map<string, Span[]>();

export function emojiIn(text: string): Span[] {
  const hit = cache.get(text);
  if (hit) return hit;
  // Every Extended_Pictographic code point is U+00A9, U+00AE, in U+203C–U+3299 or in U+1F000–U+1FFFF
  // (checked over all of Unicode); texts without one skip the Unicode regex.
  const out = /[\u00a9\u00ae\u203c-\u3299\ud83c-\ud83f]/.test(text) ? findEmoji(text) : [];
  if (cache.size > 64) cache.clear();
  cache.set(text, out);
  return out;
}
