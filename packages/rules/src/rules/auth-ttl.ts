import { defineRule } from '@greenlight/core';
import { checkTtlRange } from '../utils/limits.js';
import { SOURCES } from '../utils/sources.js';

export default defineRule({
  id: 'auth-ttl',
  description: 'An authentication template\'s `message_send_ttl_seconds` is between 30 and 900 seconds, or -1.',
  rationale:
    'A one-time code is useless once it expires, so Meta only lets authentication messages be retried for 30 seconds to 15 minutes (900 seconds); -1 keeps the default. A longer time-to-live is refused when the template is created. The value type is checked by `structure-ttl`.',
  severity: 'error',
  family: 'auth',
  tags: ['authentication', 'ttl'],
  evidence: { level: 'meta', sources: [SOURCES.S20, SOURCES.S6] },
  fixable: 'suggest',
  recommended: true,
  messages: {
    range: 'A TTL of {value} seconds is outside the {category} range of {min} to {max} seconds (or -1 for the default).',
  },
  check(t, ctx) {
    if (t.category === 'AUTHENTICATION') checkTtlRange(t, ctx);
  },
  examples: {
    valid: [{ title: 'Ten minutes for a one-time code', template: { category: 'AUTHENTICATION', message_send_ttl_seconds: 600, components: [{ type: 'BODY' }] } }],
    invalid: [
      { title: 'An hour for a one-time code', template: { category: 'AUTHENTICATION', message_send_ttl_seconds: 3600, components: [{ type: 'BODY' }] }, errors: ['range'], spans: ['3600'] },
    ],
  },
});
