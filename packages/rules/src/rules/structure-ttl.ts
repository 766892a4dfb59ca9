import { defineRule, get } from '@greenlight/core';
import { checkTtlRange } from '../utils/limits.js';
import { SOURCES } from '../utils/sources.js';

export default defineRule({
  id: 'structure-ttl',
  description: '`message_send_ttl_seconds` is -1 or a whole number of seconds within the range for utility and marketing templates.',
  rationale:
    'The time-to-live decides how long WhatsApp keeps trying to deliver a message. Meta accepts 30 to 900 seconds for authentication, 30 to 43,200 (12 hours) for utility and 43,200 to 2,592,000 (30 days) for marketing templates, or -1 for the default. Other values are refused.',
  severity: 'error',
  family: 'structure',
  tags: ['structure', 'ttl'],
  evidence: { level: 'meta', sources: [SOURCES.S20, SOURCES.S6] },
  fixable: 'suggest',
  recommended: true,
  messages: {
    type: 'message_send_ttl_seconds must be a whole number of seconds (or -1), not {actual}.',
    range: 'A TTL of {value} seconds is outside the {category} range of {min} to {max} seconds (or -1 for the default).',
    clamp: 'Use {value} seconds',
  },
  check(t, ctx) {
    const node = get(t.node, 'message_send_ttl_seconds');
    if (!node) return;
    if (node.kind !== 'number' || !Number.isInteger(node.value)) {
      ctx.report({ messageId: 'type', node, data: { actual: node.kind === 'number' ? String(node.value) : node.kind === 'string' ? `the text "${node.value}"` : node.kind } });
      return;
    }
    // Authentication templates have their own rule, auth-ttl, with the same range table.
    if (t.category !== 'AUTHENTICATION') checkTtlRange(t, ctx);
  },
  examples: {
    valid: [
      { title: 'Twelve hours for a utility update', template: { category: 'UTILITY', message_send_ttl_seconds: 43200 } },
      { title: 'The default', template: { category: 'MARKETING', message_send_ttl_seconds: -1 } },
    ],
    invalid: [
      { title: 'A day for a utility update', template: { category: 'UTILITY', message_send_ttl_seconds: 86400 }, errors: ['range'], spans: ['86400'] },
      { title: 'Marketing under 12 hours', template: { category: 'MARKETING', message_send_ttl_seconds: 3600 }, errors: ['range'], spans: ["3600"] },
      { title: 'A string', template: { message_send_ttl_seconds: '600' }, errors: ['type'], spans: ["\"600\""] },
    ],
  },
});
