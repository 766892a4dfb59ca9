import { defineRule, findPlaceholders, z, type Fix } from '@greenlight/core';
import { hostInfo, matchDomain, type FoundUrl } from '../utils/urls.js';
import { buttonUrls, templateUrls } from '../utils/urls-template.js';
import { EDITOR_SHORTENERS, OTHER_SHORTENERS } from '../utils/shorteners.js';
import { SOURCES, cite } from '../utils/sources.js';

const S2 = cite(SOURCES.S2, 'URL buttons');
const S30 = cite(SOURCES.S30, 'websites need http:// or https://');
const B7 = cite(SOURCES.B7, 'full URL with https');
const B8 = cite(SOURCES.B8, 'URL buttons');

/** The host part to underline for a host problem. */
const hostSpan = (u: FoundUrl) => ({ start: u.hostStart, end: Math.max(u.hostEnd, u.hostStart + 1) });

export default defineRule({
  id: 'url-format',
  description: 'Links are complete web addresses: an http(s) scheme, a real domain name with a known top-level domain, no IP address.',
  rationale:
    'WhatsApp Manager refuses a URL button whose address is not a valid http(s) URL, and a bare `www.example.com` fails that check. In header, body and footer texts WhatsApp still makes `www.example.com` tappable, so a missing scheme there is a warning (the `textMissingScheme` option changes that); the fix adds `https://`, which every client opens the same way. IP addresses, misspelt hosts, unknown top-level domains and `user@host` tricks make a link look like phishing.',
  severity: 'error',
  family: 'url',
  tags: ['url', 'button'],
  evidence: { level: 'editor', sources: [S2, S30, B7, B8] },
  fixable: 'fix',
  recommended: true,
  messages: {
    missingScheme: 'The link "{url}" has no scheme; write it as "https://{url}".',
    badSeparator: 'The link "{url}" has a malformed scheme; it should start with "{scheme}://".',
    otherScheme: 'A URL button must open a web page; "{scheme}:" addresses are not accepted.',
    notUrl: 'The URL button\'s address "{url}" is not a web address.',
    empty: 'The URL button has no address.',
    ipHost: 'The link points at an IP address ({host}); use your domain name.',
    malformedHost: '"{host}" is not a valid domain name: {detail}.',
    unknownTld: '"{host}" does not end in a known top-level domain.',
    userinfo: 'The link hides its destination behind "{userinfo}"; it really opens "{host}", which reviewers treat as a disguised link.',
  },
  options: z
    .object({
      textMissingScheme: z
        .enum(['off', 'info', 'warning', 'error'])
        .default('warning')
        .describe('How to report a link without a scheme in header, body or footer text (URL buttons always need one).'),
    })
    .strict(),
  check(t, ctx) {
    for (const b of buttonUrls(t)) {
      const { parsed, node } = b;
      if (parsed.start === parsed.end) {
        ctx.report({ messageId: 'empty', node });
        continue;
      }
      if (parsed.otherScheme) {
        ctx.report({ messageId: 'otherScheme', node, start: parsed.start, end: parsed.start + parsed.otherScheme.length, data: { scheme: parsed.otherScheme } });
        continue;
      }
      const value = node.value.slice(parsed.start, parsed.end);
      // A value that is only a variable is `url-button-variable`'s to report.
      const ps = findPlaceholders(value);
      if (ps.length === 1 && ps[0]!.start === 0 && ps[0]!.end === value.length) continue;
      if (!b.web) ctx.report({ messageId: 'notUrl', node, start: parsed.start, end: parsed.end, data: { url: value } });
    }
    for (const occ of templateUrls(t)) {
      const { url: u, node } = occ;
      const inButton = occ.place === 'button';
      if (u.kind !== 'scheme') {
        const level = ctx.options.textMissingScheme;
        if (inButton || level !== 'off') {
          const fix: Fix | null = ctx.fixer.replaceInString(node, u.start, u.start, 'https://');
          ctx.report({
            messageId: 'missingScheme',
            node,
            ...hostSpan(u),
            data: { url: u.text },
            fix,
            ...(inButton || level === 'error' || level === 'off' ? {} : { severity: level }),
          });
        }
      } else if (u.badSeparator) {
        ctx.report({
          messageId: 'badSeparator',
          node,
          start: u.start,
          end: u.schemeEnd,
          data: { url: u.text, scheme: u.scheme },
          fix: ctx.fixer.replaceInString(node, u.start, u.schemeEnd, `${u.scheme}://`),
        });
      }
      if (u.userinfo) {
        ctx.report({ messageId: 'userinfo', node, start: u.userinfo.start, end: u.userinfo.end, data: { userinfo: node.value.slice(u.userinfo.start, u.userinfo.end), host: u.host } });
      }
      // Variables in the host are `url-button-variable`'s to report.
      if (u.hostHasVariable) continue;
      const info = hostInfo(u.host);
      if (u.badAuthority) {
        ctx.report({ messageId: 'malformedHost', node, start: u.hostStart, end: u.authorityEnd, data: { host: node.value.slice(u.hostStart, u.authorityEnd), detail: 'unexpected characters after the host name' } });
      } else if (info.problem === 'ip') {
        ctx.report({ messageId: 'ipHost', node, ...hostSpan(u), data: { host: u.host } });
      } else if (info.problem === 'malformed' || info.problem === 'empty') {
        ctx.report({ messageId: 'malformedHost', node, ...hostSpan(u), data: { host: u.host, detail: info.detail ?? 'it is empty' } });
      } else if (info.problem === 'unknown-tld') {
        // Listed shorteners (`short.url`) get the more useful `url-shortener` report instead.
        if (matchDomain(u.host, EDITOR_SHORTENERS) || matchDomain(u.host, OTHER_SHORTENERS)) continue;
        ctx.report({ messageId: 'unknownTld', node, ...hostSpan(u), data: { host: u.host } });
      }
    }
  },
  examples: {
    valid: [
      { template: 'Track your parcel at https://shop.example.com/track.' },
      { title: 'File names, versions and abbreviations are not links', template: 'See invoice.pdf (v1.2), e.g. in the app.' },
      { title: 'A URL button with its variable at the end', template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', example: ['A123'] }] }] } },
      { title: 'Internationalised domain names', template: 'Details: https://bücher.de/angebote' },
    ],
    invalid: [
      { title: 'Bare domain in the body', template: 'Order online at example.com/menu today.', errors: ['missingScheme'], spans: ['example.com'], output: 'Order online at https://example.com/menu today.' },
      { title: 'www without scheme', template: 'Visit www.example.com.', errors: ['missingScheme'], spans: ['www.example.com'], output: 'Visit https://www.example.com.' },
      {
        title: 'URL button without scheme',
        template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'www.example.com/track' }] }] },
        errors: ['missingScheme'], spans: ["www.example.com"],
        output: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://www.example.com/track' }] }] },
      },
      { title: 'Malformed scheme', template: 'Pay at https:/pay.example.com now.', errors: ['badSeparator'], spans: ['https:/'], output: 'Pay at https://pay.example.com now.' },
      { title: 'IP address', template: 'Log in at https://192.168.10.4/login.', errors: ['ipHost'], spans: ['192.168.10.4'] },
      { title: 'Unknown top-level domain', template: 'Open https://shop.example.cmo/cart.', errors: ['unknownTld'], spans: ['shop.example.cmo'] },
      { title: 'Underscore in the host', template: 'Open https://my_shop.example.com.', errors: ['malformedHost'], spans: ['my_shop.example.com'] },
      { title: 'Disguised destination', template: 'Sign in: https://example.com@login.example.net/', errors: ['userinfo'], spans: ['example.com@'] },
      {
        title: 'Not a web address',
        template: { components: [{ type: 'BODY', text: 'Your order has shipped.' }, { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Call', url: 'tel:+15550100' }] }] },
        errors: ['otherScheme'], spans: ["tel"],
      },
      { title: 'Team setting: missing schemes in text are errors', template: 'Visit www.example.com.', options: { textMissingScheme: 'error' }, errors: ['missingScheme'], spans: ["www.example.com"], output: 'Visit https://www.example.com.' },
    ],
  },
});
