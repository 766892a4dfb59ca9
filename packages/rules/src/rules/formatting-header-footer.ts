import { defineRule, findPlaceholders, textFields, z, type StringNode } from '@greenlight/core';
import { findUrls } from '../utils/urls.js';
import { analyzeMarkers, markerStyle } from './formatting.js';
import { SOURCES, cite } from '../utils/sources.js';

const S2 = cite(SOURCES.S2, 'header and footer text');
const B3 = cite(SOURCES.B3, 'header formatting');
const B20 = cite(SOURCES.B20, 'footer is plain text');

/** `*`, `_`, `~` and backtick runs outside variables and links. */
function headerMarkers(text: string): { start: number; end: number; marker: string }[] {
  const skip = [...findPlaceholders(text).map((p) => [p.start, p.end] as const), ...findUrls(text).map((u) => [u.start, u.end] as const)].sort((a, b) => a[0] - b[0]);
  const out: { start: number; end: number; marker: string }[] = [];
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '*' && c !== '_' && c !== '~' && c !== '`') continue;
    while (k < skip.length && skip[k]![1] <= i) k++;
    if (k < skip.length && skip[k]![0] <= i) {
      i = skip[k]![1] - 1;
      continue;
    }
    let e = i + 1;
    while (e < text.length && text[e] === c) e++;
    out.push({ start: i, end: e, marker: text.slice(i, e) });
    i = e - 1;
  }
  return out;
}

const header = (text: string) => ({ components: [{ type: 'HEADER', format: 'TEXT', text }, { type: 'BODY', text: 'Your order has shipped.' }] });
const footer = (text: string) => ({ components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'FOOTER', text }] });

export default defineRule({
  id: 'formatting-header-footer',
  description: 'Header and footer are single lines of plain text: no line breaks, no formatting markers.',
  rationale:
    'WhatsApp Manager blocks `*`, `_`, `~` and ```` ``` ```` in a text header and blocks line breaks in headers and footers. Markers that would format the footer are pointed out as information: the footer is meant as small plain text, and sources disagree on whether WhatsApp formats it. Emoji in these fields are checked by `emoji-header-footer`.',
  severity: 'error',
  family: 'formatting',
  tags: ['formatting', 'header', 'footer'],
  evidence: { level: 'editor', sources: [S2, B3, B20] },
  fixable: 'fix',
  recommended: true,
  messages: {
    headerMarker: 'The header cannot contain "{marker}": formatting characters are not supported there.',
    footerMarker: 'The footer is plain text: "{marker}" will show literally instead of making {style} text.',
    newline: 'The {field} must be a single line; replace the line break with a space.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    const newlines = (node: StringNode, field: string) => {
      const v = node.value;
      const first = v.search(/\S/);
      if (first < 0) return;
      let last = v.length;
      while (last > first && /\s/.test(v[last - 1]!)) last--;
      // Breaks at either end are trimming work for `whitespace-edges`.
      for (let i = first; i < last; i++) {
        if (v[i] !== '\n' && v[i] !== '\r') continue;
        let e = i;
        while (e < last && (v[e] === '\n' || v[e] === '\r')) e++;
        ctx.report({ messageId: 'newline', node, start: i, end: e, data: { field }, fix: ctx.fixer.replaceInString(node, i, e, ' ') });
        i = e - 1;
      }
    };
    for (const f of textFields(t)) {
      if (f.kind === 'header' || f.kind === 'card-header') {
        for (const m of headerMarkers(f.node.value)) {
          const fix = ctx.fixer.replaceInString(f.node, m.start, m.end, '');
          ctx.report({ messageId: 'headerMarker', node: f.node, start: m.start, end: m.end, data: { marker: m.marker }, suggest: [fix ? { message: `Remove "${m.marker}"`, fix } : null] });
        }
        newlines(f.node, 'header');
      } else if (f.kind === 'footer') {
        const a = analyzeMarkers(f.node.value);
        for (const [open, close] of a.pairs) {
          for (const e of [open, close]) {
            ctx.report({ messageId: 'footerMarker', node: f.node, start: e.start, end: e.end, data: { marker: e.marker, style: markerStyle(e.marker) }, severity: 'info' });
          }
        }
        newlines(f.node, 'footer');
      }
    }
  },
  examples: {
    valid: [
      { template: header('Your order {{1}} update') },
      { title: 'Named variables keep their underscores', template: { parameter_format: 'named', components: [{ type: 'HEADER', format: 'TEXT', text: 'Hi {{first_name}}', example: { header_text_named_params: [{ param_name: 'first_name', example: 'Ana' }] } }, { type: 'BODY', text: 'Your order has shipped.' }] } },
      { title: 'A footnote in the footer is plain text anyway', template: footer('*Terms apply') },
    ],
    invalid: [
      { title: 'Bold header', template: header('*Big sale*'), errors: ['headerMarker', 'headerMarker'], spans: ['*', '*'] },
      { title: 'Underscore in the header', template: header('Order_update'), errors: ['headerMarker'], spans: ['_'] },
      { title: 'Line break in the header', template: header('Order\nupdate'), errors: ['newline'], spans: ['\\n'], output: header('Order update') },
      { title: 'Bold footer', template: footer('Reply *STOP* to opt out'), errors: ['footerMarker', 'footerMarker'], spans: ['*', '*'] },
      { title: 'Line break in the footer', template: footer('Example Inc.\r\nReply STOP to opt out'), errors: ['newline'], spans: ['\\r\\n'], output: footer('Example Inc. Reply STOP to opt out') },
    ],
  },
});
