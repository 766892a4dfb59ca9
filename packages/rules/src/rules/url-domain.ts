import { defineRule, z } from '@greenlight/core';
import { matchShortener } from '../utils/shorteners.js';
import { domainSet, hostInfo, hostMatches, matchDomain } from '../utils/urls.js';
import { templateUrls } from '../utils/urls-template.js';
import { SOURCES, cite } from '../utils/sources.js';

const S24 = cite(SOURCES.S24, 'link domain must belong to the business');
const B3 = SOURCES.B3;
const B11 = SOURCES.B11;

const isWhatsAppHost = (host: string) => hostMatches(host, 'wa.me') || hostMatches(host, 'whatsapp.com');

export default defineRule({
  id: 'url-domain',
  description: 'Links go to the business\'s own domains (when `business.allowedDomains` is set).',
  rationale:
    'Meta rejects templates whose link domain does not belong to the business, and reviewers compare it with the website in the WhatsApp Business profile. List your domains in `business.allowedDomains` (subdomains are included) and every other link is reported. WhatsApp\'s own links and your branded short domains are left to `url-whatsapp-link` and `url-shortener`, and public shorteners are already reported by `url-shortener`.',
  severity: 'warning',
  family: 'url',
  tags: ['url', 'button', 'config'],
  evidence: { level: 'meta', sources: [S24, B3, B11] },
  recommended: true,
  messages: {
    foreign: '"{host}" is not one of your domains ({allowed}); links to domains that do not belong to the business are rejected.',
  },
  options: z
    .object({ extraDomains: z.array(z.string().min(1)).default([]).describe('Partner domains allowed for this rule only (besides business.allowedDomains).') })
    .strict(),
  check(t, ctx) {
    const allowed = domainSet(ctx.settings.allowedDomains);
    if (allowed.size === 0) return;
    const extra = domainSet(ctx.options.extraDomains);
    for (const { node, url: u } of templateUrls(t)) {
      if (u.hostHasVariable || u.userinfo || hostInfo(u.host).problem) continue;
      if (matchDomain(u.host, allowed) || matchDomain(u.host, extra) || isWhatsAppHost(u.host)) continue;
      if (matchShortener(u.host, ctx.settings) || matchDomain(u.host, domainSet(ctx.settings.brandedShortDomains))) continue;
      ctx.report({ messageId: 'foreign', node, start: u.hostStart, end: u.hostEnd, data: { host: u.host, allowed: [...allowed].slice(0, 3).join(', ') + (allowed.size > 3 ? ', …' : '') } });
    }
  },
  examples: {
    valid: [
      { template: 'Track it at https://shop.example.com/t/1', settings: { allowedDomains: ['example.com'] } },
      { title: 'Nothing to check without a configured list', template: 'Track it at https://carrier.example.net/t/1' },
      { title: 'Config entries may be written as URLs', template: 'See www.example.org/faq', settings: { allowedDomains: ['https://www.Example.org/'] } },
    ],
    invalid: [
      { template: 'Track it at https://carrier.example.net/t/1', settings: { allowedDomains: ['example.com'] }, errors: ['foreign'], spans: ['carrier.example.net'] },
      { title: 'A look-alike is not a subdomain', template: 'Log in at https://example.com.login-check.net/', settings: { allowedDomains: ['example.com'] }, errors: ['foreign'], spans: ['example.com.login-check.net'] },
      {
        title: 'URL buttons too',
        template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://tracking.example.net/{{1}}', example: ['A1'] }] }] },
        settings: { allowedDomains: ['example.com'] },
        errors: ['foreign'],
        spans: ['tracking.example.net'],
      },
    ],
  },
});
