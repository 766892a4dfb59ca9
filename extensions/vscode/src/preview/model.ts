/**
 * Turns a template object (Meta's Graph API shape, as `greenlight/templateInfo` returns it) into what a
 * WhatsApp chat bubble shows: header, body, footer and buttons, with each variable replaced by its
 * example value. Pure and defensive: the template is whatever the user is typing, so any field may be
 * missing or of the wrong type.
 */
import { formatSegments, type FormatNode, type Segment } from './format.js';

export interface PreviewButton {
  type: string;
  text: string;
  /** For URL buttons, the link with its example filled in; for phone buttons, the number. */
  detail?: string;
}

export interface PreviewModel {
  name: string;
  language?: string;
  category?: string;
  /** Text header, formatted; for media headers, `media` names the kind instead. */
  header?: FormatNode[];
  media?: string;
  body: FormatNode[];
  footer?: string;
  buttons: PreviewButton[];
  /** Carousel cards, rendered as smaller bubbles. */
  cards: { header?: FormatNode[]; media?: string; body: FormatNode[]; buttons: PreviewButton[] }[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const upper = (v: unknown) => str(v)?.trim().toUpperCase() ?? '';

// Same shape as core's placeholder scanner, bounded so it stays linear: `{{1}}`, `{{first_name}}`.
const VARIABLE = /\{\{\s{0,8}([A-Za-z0-9_]{1,64})\s{0,8}\}\}/g;
const HAS_VARIABLE = /\{\{[^{}\n]{1,64}\}\}/;

/** Example values by variable name ("1", "first_name"), from `example` in any of Meta's shapes. */
export function examplesFor(example: unknown, kind: 'header' | 'body'): Map<string, string> {
  const out = new Map<string, string>();
  if (!isObj(example)) return out;
  // Positional: header_text: ["v"], body_text: [["v1", "v2"]] (also accept a flat list).
  const positional = example[kind === 'header' ? 'header_text' : 'body_text'];
  const values = arr(positional).flatMap((v) => (Array.isArray(v) ? v : [v]));
  values.forEach((v, i) => {
    const s = str(v);
    if (s !== undefined) out.set(String(i + 1), s);
  });
  // Named: header_text_named_params / body_text_named_params: [{ param_name, example }].
  for (const p of arr(example[`${kind}_text_named_params`])) {
    if (!isObj(p)) continue;
    const name = str(p.param_name);
    const value = str(p.example);
    if (name !== undefined && value !== undefined) out.set(name, value);
  }
  return out;
}

/** Splits a text into literal segments and variable segments carrying their example value. */
export function substitute(text: string, examples: Map<string, string>): Segment[] {
  const out: Segment[] = [];
  let cursor = 0;
  VARIABLE.lastIndex = 0;
  for (let m = VARIABLE.exec(text); m; m = VARIABLE.exec(text)) {
    if (m.index > cursor) out.push({ text: text.slice(cursor, m.index) });
    const name = m[1]!;
    const value = examples.get(name);
    out.push(value === undefined ? { text: m[0], variable: m[0], missing: true } : { text: value, variable: m[0] });
    cursor = m.index + m[0].length;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor) });
  return out;
}

function buttonsOf(list: unknown): PreviewButton[] {
  return arr(list)
    .filter(isObj)
    .map((b) => {
      const type = upper(b.type);
      const text = str(b.text) ?? (type === 'COPY_CODE' ? 'Copy code' : type === 'OTP' ? 'Copy code' : '');
      const button: PreviewButton = { type, text };
      if (type === 'URL') {
        const url = str(b.url);
        if (url !== undefined) {
          const example = arr(b.example).map(str).find((s) => s !== undefined);
          // A URL button's example is the whole link with the variable filled in.
          button.detail = example && HAS_VARIABLE.test(url) ? example : url;
        }
      } else if (type === 'PHONE_NUMBER') {
        const phone = str(b.phone_number);
        if (phone !== undefined) button.detail = phone;
      }
      return button;
    });
}

interface Parts {
  header?: FormatNode[];
  media?: string;
  body: FormatNode[];
  footer?: string;
  buttons: PreviewButton[];
}

function readComponents(list: unknown): Parts & { cardsRaw: unknown[] } {
  const parts: Parts & { cardsRaw: unknown[] } = { body: [], buttons: [], cardsRaw: [] };
  for (const c of arr(list)) {
    if (!isObj(c)) continue;
    const type = upper(c.type);
    if (type === 'HEADER') {
      const format = upper(c.format) || 'TEXT';
      const text = str(c.text);
      if (format === 'TEXT' && text !== undefined) parts.header = formatSegments(substitute(text, examplesFor(c.example, 'header')));
      else if (format !== 'TEXT') parts.media = format;
    } else if (type === 'BODY') {
      const text = str(c.text) ?? '';
      parts.body = formatSegments(substitute(text, examplesFor(c.example, 'body')));
    } else if (type === 'FOOTER') {
      // Footers are plain grey text: no variables and no formatting in WhatsApp.
      const text = str(c.text);
      if (text !== undefined) parts.footer = text;
    } else if (type === 'BUTTONS') {
      parts.buttons.push(...buttonsOf(c.buttons));
    } else if (type === 'CAROUSEL') {
      parts.cardsRaw.push(...arr(c.cards));
    }
  }
  return parts;
}

export function toPreviewModel(template: unknown): PreviewModel | undefined {
  if (!isObj(template)) return undefined;
  const parts = readComponents(template.components);
  const cards = parts.cardsRaw.filter(isObj).map((card) => {
    const p = readComponents(card.components);
    return { header: p.header, media: p.media, body: p.body, buttons: p.buttons };
  });
  const model: PreviewModel = { name: str(template.name) ?? '(unnamed template)', body: parts.body, buttons: parts.buttons, cards };
  const language = str(template.language);
  const category = str(template.category);
  if (language !== undefined) model.language = language;
  if (category !== undefined) model.category = category.toUpperCase();
  if (parts.header) model.header = parts.header;
  if (parts.media) model.media = parts.media;
  if (parts.footer !== undefined) model.footer = parts.footer;
  return model;
}
