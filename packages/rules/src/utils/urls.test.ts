import { describe, expect, it } from 'vitest';
import { matchShortener } from './shorteners.js';
import { domainSet, findUrls, hostInfo, matchDomain, normalizeDomain, readButtonUrl } from './urls.js';

const texts = (s: string) => findUrls(s).map((u) => u.text);
const settings = { shortenerDomains: [] as string[], brandedShortDomains: [] as string[] };

describe('findUrls', () => {
  it('finds links with a scheme, with www and bare domains with a known suffix', () => {
    expect(texts('Visit https://example.com/a?b=1, www.example.org. or shop.example.co.uk/sale!')).toEqual([
      'https://example.com/a?b=1',
      'www.example.org',
      'shop.example.co.uk/sale',
    ]);
  });
  it('ignores abbreviations, versions, file names and e-mail addresses', () => {
    expect(texts('See e.g. v1.2 or invoice.pdf, readme.md, photo.zip; i.e. a.m. Rs.500 Mail ana.lima@example.com or info@www.example.com')).toEqual([]);
  });
  it('ignores a missing space after a full stop', () => {
    expect(texts('We shipped it today.Best regards')).toEqual([]);
  });
  it('keeps a variable at the end and drops wrapping punctuation', () => {
    expect(texts('Track: (https://example.com/t/{{1}}).')).toEqual(['https://example.com/t/{{1}}']);
    expect(texts('*https://example.com/sale*')).toEqual(['https://example.com/sale']);
    expect(texts('"www.example.com"')).toEqual(['www.example.com']);
  });
  it('keeps balanced parentheses inside the path', () => {
    expect(texts('(see https://en.wikipedia.org/wiki/Foo_(bar))')).toEqual(['https://en.wikipedia.org/wiki/Foo_(bar)']);
  });
  it('separates a link from text glued to it', () => {
    expect(texts('Link:https://a.example.com and visithttps://b.example.com')).toEqual(['https://a.example.com', 'https://b.example.com']);
  });
  it('stops at CJK punctuation', () => {
    expect(texts('请访问https://example.com。谢谢')).toEqual(['https://example.com']);
  });
  it('reads internationalised names and listed shorteners without a public suffix', () => {
    expect(texts('bücher.de/angebote and short.url/abc')).toEqual(['bücher.de/angebote', 'short.url/abc']);
  });
  it('records scheme, host and authority offsets', () => {
    const [u] = findUrls('Go to HTTP://User@Example.COM:8080/x now');
    expect(u).toMatchObject({ scheme: 'http', host: 'example.com', kind: 'scheme', badSeparator: false, badAuthority: false });
    expect('Go to HTTP://User@Example.COM:8080/x now'.slice(u!.hostStart, u!.hostEnd)).toBe('Example.COM');
    expect(u!.userinfo).toEqual({ start: 13, end: 18 });
  });
  it('flags malformed separators', () => {
    const [a] = findUrls('Pay at https:/pay.example.com');
    expect(a).toMatchObject({ badSeparator: true, scheme: 'https', host: 'pay.example.com' });
    const [b] = findUrls('http//example.com');
    expect(b).toMatchObject({ badSeparator: true, scheme: 'http' });
  });
  it('finishes on adversarial input', () => {
    // A quadratic or backtracking scan would run into the test timeout here; speed itself is for `pnpm bench`.
    const inputs = ['a.'.repeat(50_000), 'www.'.repeat(30_000), 'https://'.repeat(20_000), `https://${'{{'.repeat(30_000)}`, `${'x'.repeat(100_000)}.com`, '@.'.repeat(50_000)];
    for (const s of inputs) expect(Array.isArray(findUrls(s))).toBe(true);
  });
});

describe('readButtonUrl', () => {
  it('reads the whole value as one address', () => {
    expect(readButtonUrl(' https://example.com/t/{{1}} ')).toMatchObject({ start: 1, end: 28, otherScheme: undefined });
    expect(readButtonUrl('https://example.com/t/{{1}}').url).toMatchObject({ host: 'example.com', hostHasVariable: false });
  });
  it('tells other schemes, missing schemes and variables in the host apart', () => {
    expect(readButtonUrl('tel:+15550100').otherScheme).toBe('tel');
    expect(readButtonUrl('javascript:alert(1)').otherScheme).toBe('javascript');
    expect(readButtonUrl('www.example.com').url?.kind).toBe('www');
    expect(readButtonUrl('example.com:8080/x').url).toMatchObject({ kind: 'bare', host: 'example.com', badAuthority: false });
    expect(readButtonUrl('https://{{1}}.example.com/x').url?.hostHasVariable).toBe(true);
    expect(readButtonUrl('').url).toBeUndefined();
  });
});

describe('hostInfo', () => {
  it('judges hosts', () => {
    expect(hostInfo('shop.example.co.uk')).toEqual({ problem: undefined, domain: 'example.co.uk' });
    expect(hostInfo('192.168.0.1').problem).toBe('ip');
    expect(hostInfo('[::1]').problem).toBe('ip');
    expect(hostInfo('a..com').problem).toBe('malformed');
    expect(hostInfo('-a.com').problem).toBe('malformed');
    expect(hostInfo('my_shop.com').problem).toBe('malformed');
    expect(hostInfo('localhost').problem).toBe('malformed');
    expect(hostInfo('example.cmo').problem).toBe('unknown-tld');
    expect(hostInfo('пример.рф').problem).toBeUndefined();
  });
});

describe('domains', () => {
  it('normalises configured domains', () => {
    expect(normalizeDomain(' https://www.Example.com/path ')).toBe('www.example.com');
    expect(normalizeDomain('*.example.com')).toBe('example.com');
    expect(normalizeDomain('example.com:443')).toBe('example.com');
  });
  it('matches subdomains, not look-alikes', () => {
    const set = domainSet(['example.com']);
    expect(matchDomain('shop.example.com', set)).toBe('example.com');
    expect(matchDomain('example.com', set)).toBe('example.com');
    expect(matchDomain('badexample.com', set)).toBeUndefined();
    expect(matchDomain('example.com.evil.net', set)).toBeUndefined();
  });
});

describe('matchShortener', () => {
  it('tells the editor list, other shorteners and team entries apart', () => {
    expect(matchShortener('bit.ly', settings)).toEqual({ domain: 'bit.ly', source: 'editor' });
    expect(matchShortener('www.tinyurl.com', settings)).toEqual({ domain: 'tinyurl.com', source: 'editor' });
    expect(matchShortener('t.co', settings)).toEqual({ domain: 't.co', source: 'other' });
    expect(matchShortener('go.example.net', { ...settings, shortenerDomains: ['example.net'] })).toEqual({ domain: 'example.net', source: 'team' });
    expect(matchShortener('example.com', settings)).toBeUndefined();
  });
  it('never reports a branded short domain', () => {
    expect(matchShortener('bit.ly', { ...settings, brandedShortDomains: ['bit.ly'] })).toBeUndefined();
  });
});
