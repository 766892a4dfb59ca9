import { defineRule, z } from '@greenlight/core';
import { matchShortener, SHORTENER_SOURCES } from '../utils/shorteners.js';
import { templateUrls } from '../utils/urls-template.js';
import { SOURCES, cite } from '../utils/sources.js';

const S24 = cite(SOURCES.S24, 'URL shorteners');
const B2 = SOURCES.B2;
const B3 = SOURCES.B3;
const B10 = SOURCES.B10;

const URL_BUTTON = (url: string) => ({ components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url }] }] });

export default defineRule({
  id: 'url-shortener',
  description: 'No public URL shorteners (bit.ly, tinyurl.com, goo.gl…) in texts or URL buttons.',
  rationale:
    'WhatsApp Manager blocks links on the shortener hosts it knows (bit.ly, goo.gl, tinyurl.com, ow.ly, short.url, shorte.st, short.gs), and Meta lists shortened links as a rejection reason because they hide where the recipient is sent. Other public shorteners hide the destination in the same way and are reported as warnings. A business\'s own branded short domain is acceptable to providers: list it in `business.brandedShortDomains`. The host list lives in shared-rules/url-shorteners.json; `business.shortenerDomains` adds more.',
  severity: 'error',
  family: 'url',
  tags: ['url', 'button'],
  evidence: { level: 'editor', sources: [S24, B2, B3, B10, ...SHORTENER_SOURCES.filter((s) => s.url !== S24.url && s.url !== B2.url)] },
  recommended: true,
  messages: {
    editor: '"{domain}" is a public URL shortener, and WhatsApp Manager blocks shortened links; use the full address on your own domain.',
    other: '"{domain}" is a public URL shortener that hides where the link goes; reviewers reject such links, so use the full address.',
    team: '"{domain}" is on your team\'s shortener list; use the full address.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    for (const { node, url: u } of templateUrls(t)) {
      if (u.hostHasVariable) continue;
      const m = matchShortener(u.host, ctx.settings);
      if (!m) continue;
      ctx.report({
        messageId: m.source,
        node,
        start: u.hostStart,
        end: u.hostEnd,
        data: { domain: m.domain },
        ...(m.source === 'editor' ? {} : { severity: 'warning' as const }),
      });
    }
  },
  examples: {
    valid: [
      { template: 'Track your order: https://example.com/t/123' },
      { title: 'A branded short domain the team owns', template: 'Track it: https://go.example.co/x1', settings: { brandedShortDomains: ['go.example.co'] } },
      { title: 'A branded domain exempts a listed host too', template: 'Track it: https://bit.ly/x1', settings: { brandedShortDomains: ['bit.ly'] } },
    ],
    invalid: [
      { title: 'Blocked by WhatsApp Manager', template: 'Get 20% off: https://bit.ly/3abc', errors: ['editor'], spans: ['bit.ly'] },
      { title: 'Without scheme, with www', template: 'See www.tinyurl.com/y7x for details.', errors: ['editor'], spans: ['www.tinyurl.com'] },
      { title: 'Other public shorteners (warning)', template: 'Details: https://cutt.ly/abc and is.gd/xyz', errors: ['other', 'other'], spans: ['cutt.ly', 'is.gd'] },
      { title: 'In a URL button', template: URL_BUTTON('https://goo.gl/abc'), errors: ['editor'], spans: ["goo.gl"] },
      { title: 'Hosts added by the team', template: 'Track: https://lnk.example.net/q', settings: { shortenerDomains: ['example.net'] }, errors: ['team'], spans: ['lnk.example.net'] },
    ],
  },
});
