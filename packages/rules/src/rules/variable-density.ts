import { defineRule, z } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';
import { distinctCount, staticWordCount, variableTokens } from '../utils/variables.js';

export default defineRule({
  id: 'variable-density',
  description: 'The body has enough words of its own for its variables: at least 2 per variable plus 1, better 3 per variable.',
  rationale:
    'Meta rejects templates with "too many variables for their length" (creation error 2388293). Meta publishes no threshold; providers agree that a body needs at least 2×P+1 words outside its P variables, so 3 variables need 7 fixed words. Below that is an error; below 3×P Greenlight adds a hint (information), since that margin is a rule of thumb, not a known limit. Variables are counted once each, however often they repeat; words are counted as WhatsApp Manager approximates them.',
  severity: 'error',
  family: 'variables',
  tags: ['variables', 'body'],
  evidence: { level: 'provider', sources: [SOURCES.S3, SOURCES.S31, SOURCES.B4, SOURCES.B5, SOURCES.B6] },
  recommended: true,
  messages: {
    tooDense: 'The body has {words} words besides its {count} variables; it needs at least {min} ({perVariable} per variable + 1).',
    dense: 'The body has {words} words besides its {count} variables; {recommended} or more makes approval likelier.',
  },
  options: z
    .object({
      minWordsPerVariable: z.number().min(0).max(20).default(2).describe('Error below this many words per variable (plus one).'),
      recommendedWordsPerVariable: z.number().min(0).max(20).default(3).describe('A hint (information) below this many words per variable.'),
    })
    .strict(),
  check(t, ctx) {
    const node = t.body?.text;
    if (!node) return;
    const count = distinctCount(variableTokens(node.value));
    if (count === 0) return;
    const words = staticWordCount(node.value);
    const { minWordsPerVariable, recommendedWordsPerVariable } = ctx.options;
    const min = minWordsPerVariable * count + 1;
    const recommended = recommendedWordsPerVariable * count;
    if (words < min) ctx.report({ messageId: 'tooDense', node, data: { words, count, min, perVariable: minWordsPerVariable } });
    else if (words < recommended) ctx.report({ messageId: 'dense', node, data: { words, count, recommended }, severity: 'info' });
  },
  examples: {
    valid: [
      { title: 'Plenty of words', template: 'Hi {{1}}, your order {{2}} has shipped and will arrive on {{3}}.' },
      { title: 'A repeated variable counts once', template: 'Hi {{1}}, thanks {{1}} for shopping with us.' },
    ],
    invalid: [
      { title: 'Three variables, four words', template: 'Hi {{1}}, order {{2}} arrives {{3}} today.', errors: ['tooDense'], spans: ["\"Hi {{1}}, order {{2}} arrives {{3}} today.\""] },
      { title: 'Two variables, five words', template: 'Hi {{1}}, order {{2}} arrives today okay?', errors: ['dense'], spans: ["\"Hi {{1}}, order {{2}} arrives today okay?\""] },
      { title: 'A stricter team rule', template: 'Hi {{1}}, your order has shipped.', options: { minWordsPerVariable: 5 }, errors: ['tooDense'], spans: ["\"Hi {{1}}, your order has shipped.\""] },
    ],
  },
});
