import { defineRule, getString, textFields, z, type StringNode } from '@greenlight/core';
import { SOURCES, cite } from '../utils/sources.js';

const B6 = cite(SOURCES.B6, 'trim surrounding spaces');
const S2 = SOURCES.S2;

const FIELD: Record<string, string> = {
  header: 'header',
  body: 'body',
  footer: 'footer',
  'button-text': 'button label',
  'button-url': 'button URL',
  'button-phone': 'phone number',
  'card-body': 'card body',
  'card-header': 'card header',
};

const WS = /\s/;

export default defineRule({
  id: 'whitespace-edges',
  description: 'Texts do not start or end with spaces or line breaks.',
  rationale:
    'Meta trims or refuses spaces and line breaks around template texts, WhatsApp Manager trims them as you type, and a stray space at the end of a URL or phone number breaks it. Leading and trailing whitespace also hides a variable at the edge of the body from simple checks. The fix removes it; a YAML `|` or `>` block that ends with its own newline is pointed out with the chomping indicator (`|-`) that avoids it.',
  severity: 'warning',
  family: 'formatting',
  tags: ['formatting', 'whitespace'],
  evidence: { level: 'provider', sources: [S2, B6] },
  fixable: 'fix',
  recommended: true,
  messages: {
    leading: 'The {field} starts with whitespace.',
    trailing: 'The {field} ends with whitespace.',
    blockNewline: 'The {field} ends with a line break because this YAML block keeps its last newline; write "|-" or ">-" to drop it.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    const visit = (node: StringNode, field: string) => {
      const v = node.value;
      if (v.length === 0) return;
      let a = 0;
      while (a < v.length && WS.test(v[a]!)) a++;
      if (a === v.length) return; // Blank texts are reported by the structure rules.
      let b = v.length;
      while (b > a && WS.test(v[b - 1]!)) b--;
      if (a > 0) ctx.report({ messageId: 'leading', node, start: 0, end: a, data: { field }, fix: ctx.fixer.replaceInString(node, 0, a, '') });
      if (b === v.length) return;
      const block = node.style === 'yaml-block-literal' || node.style === 'yaml-block-folded';
      // A `|` or `>` block ends with its own newline; the cure is a chomping indicator, not an edit of the text.
      if (block && /^\n+$/.test(v.slice(b))) ctx.report({ messageId: 'blockNewline', node, start: b, end: v.length, data: { field } });
      else ctx.report({ messageId: 'trailing', node, start: b, end: v.length, data: { field }, fix: ctx.fixer.replaceInString(node, b, v.length, '') });
    };
    for (const f of textFields(t)) visit(f.node, FIELD[f.kind] ?? f.kind);
    for (const b of t.buttons) {
      const autofill = getString(b.node, 'autofill_text');
      if (autofill) visit(autofill, 'autofill label');
    }
  },
  examples: {
    valid: [{ template: 'Your order has shipped.' }],
    invalid: [
      { template: ' Your order has shipped.\n', errors: ['leading', 'trailing'], spans: [' ', '\\n'], output: 'Your order has shipped.' },
      {
        title: 'A URL with a trailing space',
        template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/t ' }] }] },
        errors: ['trailing'], spans: [" "],
        output: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/t' }] }] },
      },
    ],
  },
});
