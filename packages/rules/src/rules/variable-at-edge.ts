import { defineRule } from '@greenlight/core';
import { SOURCES } from '../utils/sources.js';
import { trimEdges, variableTokens } from '../utils/variables.js';

export default defineRule({
  id: 'variable-at-edge',
  description: 'The body does not start or end with a variable (spaces and punctuation around it do not count).',
  rationale:
    'Meta blocks bodies that start or end with a variable ("dangling" parameters, creation error 2388299): a message that opens or closes on a value only known at send time can become anything. Punctuation and spaces do not help: `{{1}}, your order…` and `…is {{2}}.` are still at the edge. Rewording is needed, so there is no fix.',
  severity: 'error',
  family: 'variables',
  tags: ['variables', 'body'],
  evidence: { level: 'meta', sources: [SOURCES.S3, SOURCES.S24, SOURCES.B6, SOURCES.B28] },
  recommended: true,
  messages: {
    start: 'The body starts with the variable {raw}; start with some words, e.g. "Hello {raw}, …".',
    end: 'The body ends with the variable {raw}; add some words after it.',
  },
  check(t, ctx) {
    const node = t.body?.text;
    if (!node) return;
    const tokens = variableTokens(node.value);
    if (tokens.length === 0) return;
    const { start, end } = trimEdges(node.value);
    const first = tokens[0]!;
    const last = tokens[tokens.length - 1]!;
    if (first.start === start) ctx.report({ messageId: 'start', node, start: first.start, end: first.end, data: { raw: first.raw } });
    if (last.end === end) ctx.report({ messageId: 'end', node, start: last.start, end: last.end, data: { raw: last.raw } });
  },
  examples: {
    valid: [{ title: 'Words on both sides', template: 'Hi {{1}}, your order {{2}} has shipped.' }],
    invalid: [
      { title: 'Starts with a variable', template: '{{1}}, your order has shipped.', errors: ['start'], spans: ['{{1}}'] },
      { title: 'Punctuation does not count', template: 'Your order has shipped to {{1}}.', errors: ['end'], spans: ['{{1}}'] },
      { title: 'Quoted and spaced', template: '  "{{1}}" is your pickup code, valid until {{2}} !', errors: ['start', 'end'], spans: ["{{1}}","{{2}}"] },
      { title: 'Only a variable', template: '{{1}}', errors: ['start', 'end'], spans: ["{{1}}","{{1}}"] },
    ],
  },
});
