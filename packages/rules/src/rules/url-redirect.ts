import { defineRule, z } from '@greenlight/core';
import { hostInfo, readButtonUrl, type FoundUrl } from '../utils/urls.js';
import { templateUrls } from '../utils/urls-template.js';
import { SOURCES, cite } from '../utils/sources.js';

const S24 = cite(SOURCES.S24, 'links');
const S3 = SOURCES.S3;

/** Query keys that redirectors use for their destination. */
const REDIRECT_KEYS = new Set([
  'redirect', 'redirect_uri', 'redirect_url', 'redirecturl', 'redirecturi', 'redir', 'url', 'u', 'goto', 'go', 'out', 'next', 'target', 'dest', 'destination',
  'continue', 'return', 'returnto', 'return_to', 'returnurl', 'return_url', 'to', 'link', 'away', 'external', 'r', 'q', 'forward', 'fwd',
]);

const URL_VALUE = /^(?:https?:)?\/\/|^www\./i;

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** The destination's host and registrable domain, if the value is a web address. */
function destination(value: string): { host: string; domain: string } | undefined {
  const v = value.startsWith('//') ? `https:${value}` : value;
  const p = readButtonUrl(v);
  if (!p.url || p.url.host === '') return undefined;
  return { host: p.url.host, domain: hostInfo(p.url.host).domain ?? p.url.host };
}

interface Hit {
  start: number;
  end: number;
  key: string;
  target: string;
}

/** Query parameters of `u` (offsets in the field text) whose value is another site's address. */
function redirects(u: FoundUrl): Hit[] {
  const out: Hit[] = [];
  // Work on the URL's own text so every search stays inside it.
  const s = u.text;
  const q = s.indexOf('?', u.authorityEnd - u.start);
  if (q < 0) return out;
  let hash = s.indexOf('#', q);
  if (hash < 0) hash = s.length;
  const own = hostInfo(u.host).domain ?? u.host;
  for (let at = q + 1; at < hash; ) {
    let amp = s.indexOf('&', at);
    if (amp < 0 || amp > hash) amp = hash;
    const rel = s.slice(at, amp).indexOf('=');
    const eq = rel < 0 ? -1 : at + rel;
    if (eq > at) {
      const key = decode(s.slice(at, eq)).toLowerCase();
      const value = decode(s.slice(eq + 1, amp));
      if (REDIRECT_KEYS.has(key) && URL_VALUE.test(value)) {
        const d = destination(value);
        // A hop inside the same site (`?next=https://example.com/account`) hides nothing.
        if (d && d.domain !== own) out.push({ start: u.start + eq + 1, end: u.start + amp, key, target: d.host });
      }
    }
    at = amp + 1;
  }
  return out;
}

export default defineRule({
  id: 'url-redirect',
  description: 'Links do not pass another site\'s address through a redirect parameter (`?url=https://…`).',
  rationale:
    'A link such as `https://example.com/out?url=https://other.example.net` opens one site and lands on another. WhatsApp Manager checks for this redirect pattern, and reviewers treat such links like shortened ones: the destination is hidden from the reader. Link to the final address instead.',
  severity: 'warning',
  family: 'url',
  tags: ['url', 'button'],
  evidence: { level: 'editor', sources: [S24, S3] },
  recommended: true,
  messages: {
    redirect: 'The "{key}" parameter sends the reader on to {target}; link to the final address instead.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    for (const { node, url: u } of templateUrls(t)) {
      if (u.hostHasVariable) continue;
      for (const h of redirects(u)) {
        ctx.report({ messageId: 'redirect', node, start: h.start, end: h.end, data: { key: h.key, target: h.target } });
      }
    }
  },
  examples: {
    valid: [
      { template: 'Shop now: https://example.com/sale?utm_source=whatsapp' },
      { title: 'A hop within the same site', template: 'Sign in: https://example.com/login?next=https://www.example.com/orders' },
      { title: 'A path that is not an address', template: 'Open https://example.com/r?next=/orders' },
    ],
    invalid: [
      { template: 'Claim it: https://example.com/out?url=https://prize.example.net/claim', errors: ['redirect'], spans: ['https://prize.example.net/claim'] },
      { title: 'Percent-encoded destination', template: 'Go: https://example.com/r?goto=https%3A%2F%2Fother.example.org%2Fx&s=1', errors: ['redirect'], spans: ['https%3A%2F%2Fother.example.org%2Fx'] },
    ],
  },
});
