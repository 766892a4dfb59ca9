import { defineRule, z } from '@greenlight/core';
import { templateUrls } from '../utils/urls-template.js';
import { SOURCES, cite } from '../utils/sources.js';

const B7 = cite(SOURCES.B7, 'full URL with https');
const B8 = cite(SOURCES.B8, 'URL buttons');
const S2 = cite(SOURCES.S2, 'URL buttons');

export default defineRule({
  id: 'url-insecure',
  description: 'Links use https://, not plain http://.',
  rationale:
    'The Graph API accepts `http://` addresses, but providers advise a full `https://` address, browsers mark plain http pages as not secure, and a reviewer judging whether a link is trustworthy sees the same warning. Every mainstream site serves https, so the fix is almost always just the extra "s".',
  severity: 'warning',
  family: 'url',
  tags: ['url', 'button'],
  evidence: { level: 'provider', sources: [S2, B7, B8] },
  fixable: 'fix',
  recommended: true,
  messages: {
    insecure: 'The link "{url}" uses plain http; use https.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    for (const { node, url: u } of templateUrls(t)) {
      if (u.scheme !== 'http') continue;
      ctx.report({
        messageId: 'insecure',
        node,
        start: u.start,
        end: u.schemeNameEnd,
        data: { url: u.text },
        fix: ctx.fixer.replaceInString(node, u.start, u.schemeNameEnd, 'https'),
      });
    }
  },
  examples: {
    valid: [{ template: 'Your receipt: https://example.com/r/123' }, { title: 'Words that start with "http" are not links', template: 'The httpd service is back.' }],
    invalid: [
      { template: 'Your receipt: http://example.com/r/123', errors: ['insecure'], spans: ['http'], output: 'Your receipt: https://example.com/r/123' },
      { title: 'Upper-case scheme', template: 'See HTTP://EXAMPLE.COM/INFO', errors: ['insecure'], spans: ['HTTP'], output: 'See https://EXAMPLE.COM/INFO' },
      {
        title: 'URL button',
        template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'http://example.com/t/{{1}}', example: ['A1'] }] }] },
        errors: ['insecure'], spans: ["http"],
        output: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/t/{{1}}', example: ['A1'] }] }] },
      },
    ],
  },
});
