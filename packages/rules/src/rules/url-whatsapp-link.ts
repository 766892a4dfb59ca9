import { defineRule, z } from '@greenlight/core';
import { hostMatches, urlRest, type FoundUrl } from '../utils/urls.js';
import { templateUrls } from '../utils/urls-template.js';
import { SOURCES, cite } from '../utils/sources.js';

const S2 = cite(SOURCES.S2, 'phone-number and voice-call buttons');
const S3 = SOURCES.S3;

/** Paths on WhatsApp's own hosts that URL buttons may open (payments, OTP hand-off, bill reminders). */
const ALLOWED: readonly { host: string; path: string }[] = [
  { host: 'wa.me', path: '/pay' },
  { host: 'wa.me', path: '/in/bill/reminder' },
  { host: 'whatsapp.com', path: '/otp' },
];

const isWhatsAppHost = (host: string) => hostMatches(host, 'wa.me') || hostMatches(host, 'whatsapp.com');

function allowed(u: FoundUrl): boolean {
  const rest = urlRest(u);
  const host = u.host.startsWith('www.') ? u.host.slice(4) : u.host;
  return ALLOWED.some((a) => {
    if (host !== a.host || !rest.startsWith(a.path)) return false;
    const next = rest.charAt(a.path.length);
    return next === '' || next === '/' || next === '?' || next === '#';
  });
}

const button = (url: string) => ({ components: [{ type: 'BODY', text: 'We are here to help.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Chat with us', url }] }] });

export default defineRule({
  id: 'url-whatsapp-link',
  description: 'URL buttons do not link to WhatsApp itself (wa.me, whatsapp.com); WhatsApp links in texts are pointed out.',
  rationale:
    'WhatsApp Manager blocks URL buttons that open wa.me or whatsapp.com (any subdomain, such as api.whatsapp.com), except the payment (`wa.me/pay`), one-time-password (`whatsapp.com/otp`) and bill-reminder (`wa.me/in/bill/reminder`) paths. Use a phone-number or "Call on WhatsApp" button instead. Meta has no rule for such links in body text, but some providers advise against them, so they are reported as information.',
  severity: 'error',
  family: 'url',
  tags: ['url', 'button'],
  evidence: { level: 'editor', sources: [S2, S3] },
  recommended: true,
  messages: {
    button: 'URL buttons cannot open WhatsApp links ({host}); use a phone-number or "Call on WhatsApp" button instead.',
    text: 'WhatsApp link ({host}) in the {place}: the message is already in WhatsApp; a phone-number button is clearer, and some reviewers distrust such links.',
  },
  options: z.object({ text: z.boolean().default(true).describe('Also point out WhatsApp links in header, body and footer texts (as information).') }).strict(),
  check(t, ctx) {
    for (const { node, place, url: u } of templateUrls(t)) {
      if (u.hostHasVariable || !isWhatsAppHost(u.host) || allowed(u)) continue;
      if (place === 'button') ctx.report({ messageId: 'button', node, start: u.hostStart, end: u.hostEnd, data: { host: u.host } });
      else if (ctx.options.text) ctx.report({ messageId: 'text', node, start: u.hostStart, end: u.hostEnd, data: { host: u.host, place }, severity: 'info' });
    }
  },
  examples: {
    valid: [
      { template: button('https://wa.me/pay?id={{1}}') },
      { template: button('https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE') },
      { template: button('https://example.com/contact') },
      { title: 'Text links can be allowed', template: 'Reply or write to us at https://wa.me/15550100', options: { text: false } },
    ],
    invalid: [
      { title: 'Click-to-chat link in a button', template: button('https://wa.me/15550100'), errors: ['button'], spans: ['wa.me'] },
      { title: 'Subdomains count', template: button('https://api.whatsapp.com/send?phone=15550100'), errors: ['button'], spans: ['api.whatsapp.com'] },
      { title: 'Only the exact allowed paths', template: button('https://wa.me/payment'), errors: ['button'], spans: ["wa.me"] },
      { title: 'In body text: information', template: 'Questions? Chat with us at wa.me/15550100', errors: ['text'], spans: ['wa.me'] },
    ],
  },
});
