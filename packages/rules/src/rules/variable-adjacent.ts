import { defineRule } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';
import { hasText, variableFields, variableTokens } from '../utils/variables.js';

export default defineRule({
  id: 'variable-adjacent',
  description: 'Two variables are separated by words, not only by spaces or punctuation.',
  rationale:
    'WhatsApp Manager blocks variables that follow each other with nothing but spaces between them (`{{1}} {{2}}`): reviewers cannot tell what the message says, and Meta lists "{{1}}{{2}} without text" as a format rejection. Punctuation alone (`{{1}}, {{2}}`) is accepted by some reviewers but not by the editor\'s "separated by text" rule, so it is a warning.',
  severity: 'error',
  family: 'variables',
  tags: ['variables'],
  evidence: { level: 'meta', sources: [SOURCES.S8, SOURCES.S24, SOURCES.B1] },
  recommended: true,
  messages: {
    adjacent: '{first} and {second} follow each other without any text between them; separate them with words.',
    punctuationOnly: 'Only "{between}" separates {first} and {second}; separating variables with words is safer.',
  },
  check(t, ctx) {
    for (const f of variableFields(t)) {
      const text = f.node.value;
      const tokens = variableTokens(text);
      for (let i = 1; i < tokens.length; i++) {
        const a = tokens[i - 1]!;
        const b = tokens[i]!;
        const between = text.slice(a.end, b.start);
        if (hasText(between)) continue;
        const data = { first: a.raw, second: b.raw, between: between.trim() };
        if (between.trim() === '') ctx.report({ messageId: 'adjacent', node: f.node, start: a.start, end: b.end, data });
        else ctx.report({ messageId: 'punctuationOnly', node: f.node, start: a.start, end: b.end, data, severity: 'warning' });
      }
    }
  },
  examples: {
    valid: [{ title: 'Words between', template: 'Hi {{1}}, your order {{2}} ships on {{3}}.' }],
    invalid: [
      { title: 'Side by side', template: 'Dear customer, {{1}}{{2}} is ready for pickup.', errors: ['adjacent'], spans: ['{{1}}{{2}}'] },
      { title: 'Only a space', template: 'Dear {{1}} {{2}}, your table is ready.', errors: ['adjacent'], spans: ['{{1}} {{2}}'] },
      { title: 'Only punctuation', template: 'Your delivery window is {{1}} - {{2}} tomorrow.', errors: ['punctuationOnly'], spans: ['{{1}} - {{2}}'] },
    ],
  },
});
