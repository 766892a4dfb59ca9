import { defineRule, textFields, z } from '@greenlight/core';
import { SOURCES, cite } from '../utils/sources.js';

const S1 = cite(SOURCES.S1, 'bodies with blank lines');
const B3 = cite(SOURCES.B3, 'consecutive line breaks');
const B31 = cite(SOURCES.B31, 'multiple sequential line breaks');

export interface NewlineRun {
  /** Offset of the first line break and just after the last one. */
  start: number;
  end: number;
  count: number;
  crlf: boolean;
}

/** Runs of `min` or more line breaks with only spaces, tabs and `\r` between them. */
export function newlineRuns(text: string, min: number): NewlineRun[] {
  const out: NewlineRun[] = [];
  let i = text.indexOf('\n');
  while (i >= 0) {
    let count = 0;
    let last = i;
    let crlf = i > 0 && text[i - 1] === '\r';
    let j = i;
    while (j < text.length) {
      const c = text[j];
      if (c === '\n') {
        count++;
        last = j;
      } else if (c === '\r') {
        if (text[j + 1] === '\n') crlf = true;
      } else if (c !== ' ' && c !== '\t') break;
      j++;
    }
    if (count >= min) out.push({ start: i, end: last + 1, count, crlf });
    i = text.indexOf('\n', Math.max(j, last + 1));
  }
  return out;
}

export default defineRule({
  id: 'formatting-newlines',
  description: 'The body has at most two line breaks in a row (one blank line).',
  rationale:
    'WhatsApp Manager blocks a body with three or more consecutive line breaks, and providers list it as a rejection cause; Meta\'s own examples use single blank lines (`\\n\\n`). Spaces and carriage returns between the breaks do not make them separate. The fix collapses the run to one blank line.',
  severity: 'error',
  family: 'formatting',
  tags: ['formatting', 'body', 'whitespace'],
  evidence: { level: 'editor', sources: [S1, B3, B31] },
  fixable: 'fix',
  recommended: true,
  messages: {
    tooMany: '{count} line breaks in a row; the body allows at most two (one blank line).',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    for (const f of textFields(t)) {
      if (f.kind !== 'body' && f.kind !== 'card-body') continue;
      for (const r of newlineRuns(f.node.value, 3)) {
        ctx.report({
          messageId: 'tooMany',
          node: f.node,
          start: r.start,
          end: r.end,
          data: { count: r.count },
          fix: ctx.fixer.replaceInString(f.node, r.start, r.end, r.crlf ? '\n\r\n' : '\n\n'),
        });
      }
    }
  },
  examples: {
    valid: [{ template: 'Hi {{1}},\n\nyour order has shipped.\nThanks!' }],
    invalid: [
      { template: 'Hi {{1}},\n\n\nyour order has shipped.', errors: ['tooMany'], spans: ['\\n\\n\\n'], output: 'Hi {{1}},\n\nyour order has shipped.' },
      { title: 'Spaces between the breaks', template: 'Hi {{1}},\n \n \n\nyour order has shipped.', errors: ['tooMany'], spans: ['\\n \\n \\n\\n'], output: 'Hi {{1}},\n\nyour order has shipped.' },
    ],
  },
});
