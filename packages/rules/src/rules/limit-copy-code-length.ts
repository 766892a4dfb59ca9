import { defineRule, type SourceNode, type StringNode } from '@greenlight/core';
import { LIMITS, overLimitReport } from '../utils/limits.js';
import { SOURCES } from '../utils/sources.js';

/** The coupon code of a COPY_CODE button: `"example": "CODE"`, or a one-item list in some exports. */
function codeNode(example: SourceNode | undefined): StringNode | undefined {
  if (example?.kind === 'string') return example;
  if (example?.kind === 'array' && example.items[0]?.kind === 'string') return example.items[0];
  return undefined;
}

export default defineRule({
  id: 'limit-copy-code-length',
  description: `The offer code of a copy-code button is at most ${LIMITS.copyCode} characters long.`,
  rationale:
    'A marketing COPY_CODE button carries its coupon code in `example`, and Meta allows at most 15 characters (some providers quote 20; Meta\'s components page says 15). A copy-code button without a code cannot be created.',
  severity: 'error',
  family: 'limits',
  tags: ['length', 'buttons'],
  evidence: { level: 'meta', sources: [SOURCES.S2] },
  recommended: true,
  messages: {
    tooLong: 'The offer code is {length} characters long; the limit is {max} ({over} over).',
    missing: 'A COPY_CODE button needs its offer code in "example".',
  },
  check(t, ctx) {
    for (const b of t.buttons) {
      if (b.type !== 'COPY_CODE') continue;
      const code = codeNode(b.example);
      if (!code || code.value.trim() === '') {
        ctx.report({ messageId: 'missing', node: b.typeNode ?? b.node });
        continue;
      }
      const over = overLimitReport(code, LIMITS.copyCode);
      if (over) ctx.report({ messageId: 'tooLong', ...over });
    }
  },
  examples: {
    valid: [{ title: 'A short code', template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Use the code below for 15% off your next order.' }, { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'SUMMER15' }] }] } }],
    invalid: [
      {
        title: '17 characters',
        template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Use the code below for 15% off your next order.' }, { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'SUMMERSALE2026XYZ' }] }] },
        errors: ['tooLong'],
        spans: ['YZ'],
      },
      {
        title: 'No code',
        template: { category: 'MARKETING', components: [{ type: 'BODY', text: 'Use the code below for 15% off your next order.' }, { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE' }] }] },
        errors: ['missing'], spans: ["\"COPY_CODE\""],
      },
    ],
  },
});
