import { defineRule, findPlaceholders, Recent, textFields, z } from '@greenlight/core';
import { findUrls } from '../utils/urls.js';
import { SOURCES, cite } from '../utils/sources.js';

const S1 = cite(SOURCES.S1, 'formatted body examples');
const B3 = cite(SOURCES.B3, 'formatting errors');

export type Marker = '*' | '_' | '~' | '```';
const STYLE: Record<Marker, string> = { '*': 'bold', _: 'italic', '~': 'strikethrough', '```': 'monospace' };

export interface MarkerEvent {
  marker: Marker;
  start: number;
  end: number;
}

export interface MarkerAnalysis {
  /** Marker pairs that format text (opening and closing run). */
  pairs: [MarkerEvent, MarkerEvent][];
  /** Markers that open formatting never closed. */
  unclosed: MarkerEvent[];
  /** Markers that close formatting never opened. */
  unopened: MarkerEvent[];
}

const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\u00a0' || /\s/.test(c);
const WORD = /[\p{L}\p{M}\p{N}]/u;
const isWord = (c: string) => WORD.test(c);

/**
 * Replaces variables, links and e-mail addresses by letters of the same length: their `_` and `*`
 * are not formatting, and a marker right next to them (`*{{1}}*`) still pairs as it would around a word.
 */
function mask(text: string): string {
  const ranges: [number, number][] = [];
  for (const p of findPlaceholders(text)) ranges.push([p.start, p.end]);
  for (const u of findUrls(text)) ranges.push([u.start, u.end]);
  // E-mail addresses: extend from each `@` over the characters addresses use.
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > 0 && at - s < 64 && EMAIL_LOCAL.test(text[s - 1]!)) s--;
    let e = at + 1;
    while (e < text.length && e - at < 253 && EMAIL_HOST.test(text[e]!)) e++;
    if (s < at && e > at + 1) ranges.push([s, e]);
  }
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let cursor = 0;
  for (const [s, e] of ranges) {
    if (e <= cursor) continue;
    const from = Math.max(s, cursor);
    out += text.slice(cursor, from) + 'x'.repeat(e - from);
    cursor = e;
  }
  return out + text.slice(cursor);
}
const EMAIL_LOCAL = /[\p{L}\p{N}._%+-]/u;
const EMAIL_HOST = /[\p{L}\p{N}.-]/u;

const recentMarkers = new Recent<string, MarkerAnalysis>();

/**
 * Pairs WhatsApp's formatting markers the way the app reads them: an opening marker follows a
 * space or punctuation and touches the next word; a closing one touches the previous word and is
 * followed by a space or punctuation. Markers inside words (`snake_case`, `2*3`), with spaces on
 * both sides (`2 * 3`, `* item`), runs of three or more (`*****`), `~` before a number (`~5 min`)
 * and footnote asterisks (`price*` … `*Terms apply`) are plain characters.
 */
export function analyzeMarkers(text: string): MarkerAnalysis {
  return recentMarkers.get(text, pairMarkers);
}

function pairMarkers(text: string): MarkerAnalysis {
  const out: MarkerAnalysis = { pairs: [], unclosed: [], unopened: [] };
  if (!/[*_~`]/.test(text)) return out;
  let m = mask(text);
  // Code blocks first: inside them, other markers are literal.
  const fences: MarkerEvent[] = [];
  for (let i = m.indexOf('```'); i >= 0; i = m.indexOf('```', i)) {
    let e = i + 3;
    while (m[e] === '`') e++;
    fences.push({ marker: '```', start: i, end: e });
    i = e;
  }
  if (fences.length > 1) {
    let masked = '';
    let cursor = 0;
    for (let k = 0; k + 1 < fences.length; k += 2) {
      const open = fences[k]!;
      const close = fences[k + 1]!;
      out.pairs.push([open, close]);
      masked += m.slice(cursor, open.start) + 'x'.repeat(close.end - open.start);
      cursor = close.end;
    }
    m = masked + m.slice(cursor);
  }
  if (fences.length % 2 === 1) out.unclosed.push(fences[fences.length - 1]!);

  for (const marker of ['*', '_', '~'] as const) {
    let pending: MarkerEvent | undefined;
    let footnoteRef = false;
    for (let i = m.indexOf(marker); i >= 0; i = m.indexOf(marker, i)) {
      let e = i + 1;
      while (m[e] === marker) e++;
      const ev: MarkerEvent = { marker, start: i, end: e };
      const prev = i > 0 ? m[i - 1]! : '';
      const next = e < m.length ? m[e]! : '';
      i = e;
      if (e - ev.start >= 3) continue;
      const prevBoundary = prev === '' || isSpace(prev) || !isWord(prev);
      const nextBoundary = next === '' || isSpace(next) || !isWord(next);
      const canOpen = prevBoundary && next !== '' && !isSpace(next);
      const canClose = nextBoundary && prev !== '' && !isSpace(prev);
      if (pending && canClose) {
        out.pairs.push([pending, ev]);
        pending = undefined;
      } else if (!pending && canOpen && !canClose) {
        pending = ev;
      } else if (!pending && canClose && !canOpen) {
        // `50% off*` is a footnote reference, not a closing bold marker.
        if (marker === '*') footnoteRef = true;
        else out.unopened.push(ev);
      }
    }
    // `~5 min` means "about"; left open, it is not a formatting mistake.
    if (pending && marker === '~' && /\d/.test(m[pending.end] ?? '')) pending = undefined;
    if (pending) {
      const lineStart = pending.start === 0 || /\n[ \t]*$/.test(m.slice(Math.max(0, pending.start - 8), pending.start)) || /^[ \t]+$/.test(m.slice(0, pending.start));
      // `*Terms apply` on its own line answers an earlier footnote reference.
      if (!(marker === '*' && footnoteRef && lineStart)) out.unclosed.push(pending);
    }
  }
  out.unclosed.sort((a, b) => a.start - b.start);
  return out;
}

export const markerStyle = (m: Marker) => STYLE[m];

export default defineRule({
  id: 'formatting',
  description: 'Bold, italic, strikethrough and monospace markers in the body come in pairs.',
  rationale:
    'WhatsApp formats `*bold*`, `_italic_`, `~strikethrough~` and ```` ```monospace``` ```` in the body. A marker without its partner is shown as a literal character, which reads like a typo and can make a reviewer flag the template for formatting errors. Markers inside words, between spaces, in variables, links and e-mail addresses, and footnote asterisks are not formatting and are ignored. Line breaks are checked by `formatting-newlines`; header and footer by `formatting-header-footer`.',
  severity: 'warning',
  family: 'formatting',
  tags: ['formatting', 'body'],
  evidence: { level: 'provider', sources: [S1, B3] },
  recommended: true,
  messages: {
    unclosed: 'This "{marker}" starts {style} text that is never closed, so WhatsApp shows it as a literal "{marker}".',
    unopened: 'This "{marker}" closes {style} text that was never opened, so WhatsApp shows it as a literal "{marker}".',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    for (const f of textFields(t)) {
      if (f.kind !== 'body' && f.kind !== 'card-body') continue;
      const a = analyzeMarkers(f.node.value);
      const all = [...a.unclosed.map((e) => ['unclosed', e] as const), ...a.unopened.map((e) => ['unopened', e] as const)].sort((x, y) => x[1].start - y[1].start);
      for (const [messageId, e] of all) {
        ctx.report({ messageId, node: f.node, start: e.start, end: e.end, data: { marker: e.marker, style: STYLE[e.marker] } });
      }
    }
  },
  examples: {
    valid: [
      { template: 'Your order *{{1}}* has shipped. Use code _WELCOME_ for ~10%~ off.' },
      { title: 'Plain characters', template: 'Use 2*3 or 2 * 3 in snake_case fields; it takes ~5 min. Mail first_last@example.com or see https://example.com/a_b_c' },
      { title: 'A bullet list', template: 'Your items:\n* Shoes\n* Socks' },
      { title: 'Footnotes', template: 'Get 50% off*\n\n*Terms apply.' },
      { title: 'Code blocks keep their markers', template: 'Run ```npm i *foo``` now.' },
    ],
    invalid: [
      { title: 'Bold never closed', template: 'Your order *{{1}} has shipped.', errors: ['unclosed'], spans: ['*'] },
      { title: 'Italic closed but never opened', template: 'Thanks for your order_ see you soon.', errors: ['unopened'], spans: ['_'] },
      { title: 'Three bold markers', template: '*Sale* ends *tonight.', errors: ['unclosed'], spans: ['*'] },
      { title: 'Unclosed code block', template: 'Your code: ```A1B2 is valid today.', errors: ['unclosed'], spans: ['```'] },
    ],
  },
});
