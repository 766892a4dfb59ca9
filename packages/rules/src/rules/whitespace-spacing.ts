import { defineRule, textFields, z } from '@greenlight/core';
import { SOURCES, cite } from '../utils/sources.js';

const S23 = cite(SOURCES.S23, '132018: no tabs or more than 4 consecutive spaces');
const B25 = SOURCES.B25;

const MAX_SPACES = 4;
const RUN = /[ \t\u00a0]{2,}|\t/g;
const FIELD: Record<string, string> = { header: 'header', body: 'body', footer: 'footer', 'button-text': 'button label', 'card-body': 'card body', 'card-header': 'card header' };

export default defineRule({
  id: 'whitespace-spacing',
  description: 'No tabs and no more than four spaces in a row inside texts.',
  rationale:
    'WhatsApp refuses parameter values with tabs or more than four consecutive spaces (error 132018), and providers apply the same rule to template text. WhatsApp does not align text with tabs or space runs anyway: lay text out with line breaks. Whitespace at the start or end of a text is `whitespace-edges`\' to report.',
  severity: 'warning',
  family: 'formatting',
  tags: ['formatting', 'whitespace'],
  evidence: { level: 'meta', sources: [S23, B25] },
  fixable: 'suggest',
  recommended: true,
  messages: {
    tab: 'Tab character in the {field}; use a space.',
    spaces: '{count} spaces in a row in the {field}; at most {max} are accepted.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    for (const f of textFields(t)) {
      if (f.kind === 'button-url' || f.kind === 'button-phone') continue;
      const v = f.node.value;
      // Most texts have no tab, no no-break space and no double space: three native searches say so.
      if (!v.includes('  ') && !v.includes('\t') && !v.includes('\u00a0')) continue;
      const field = FIELD[f.kind] ?? f.kind;
      const first = v.search(/\S/);
      if (first < 0) continue;
      let last = v.length;
      while (last > 0 && /\s/.test(v[last - 1]!)) last--;
      // Only runs with a tab or of two or more spaces can matter; the regex engine finds them natively.
      RUN.lastIndex = first;
      let m: RegExpExecArray | null;
      while ((m = RUN.exec(v)) && m.index < last) {
        const i = m.index;
        const e = Math.min(i + m[0].length, last);
        const tabs = m[0].includes('\t');
        if (!tabs && e - i <= MAX_SPACES) continue;
        const fix = ctx.fixer.replaceInString(f.node, i, e, ' ');
        const suggest = [fix ? { message: 'Replace with one space', fix } : null];
        if (tabs) ctx.report({ messageId: 'tab', node: f.node, start: i, end: e, data: { field }, suggest });
        else ctx.report({ messageId: 'spaces', node: f.node, start: i, end: e, data: { field, count: e - i, max: MAX_SPACES }, suggest });
      }
    }
  },
  examples: {
    valid: [{ template: 'Total:    $20 (four spaces are accepted).' }],
    invalid: [
      { template: 'Item\tPrice', errors: ['tab'], spans: ['\\t'] },
      { title: 'Five spaces', template: 'Total:     $20', errors: ['spaces'], spans: ['     '] },
    ],
  },
});
