import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { parseMatchPattern, patternIncludes, wildcardMatch } from '../src/sites/match-pattern';
import { builtinMatches, sitesForUrl, allSites } from '../src/sites';

const includes = (pattern: string, url: string) => {
  const p = parseMatchPattern(pattern);
  return p !== undefined && patternIncludes(p, new URL(url));
};

describe('match patterns', () => {
  const patterns = [...builtinMatches, '*://*.example.com/templates/*', 'https://app.example.com/*/edit*', 'http://localhost/*', 'https://*/*'];
  const urls = [
    'https://business.facebook.com/wa/manage/message-templates/create/?business_id=1',
    'https://business.facebook.com/latest/whatsapp_manager/message_templates?asset_id=2',
    'https://business.facebook.com/settings/',
    'https://example.com/templates/a',
    'http://eu.example.com/templates/',
    'https://example.org/templates/a',
    'https://app.example.com/t/42/edit/body',
    'https://app.example.com/t/42/view',
    'http://localhost/x',
    'https://localhost/x',
  ];
  it('agree with WXT on every pattern and URL here', () => {
    for (const p of patterns) for (const u of urls) expect(includes(p, u), `${p} ${u}`).toBe(new MatchPattern(p).includes(u));
  });
  it('refuse what is not a match pattern', () => {
    for (const p of ['example.com/*', 'https://exa*mple.com/*', 'ftp2://a/*', 'https://a:8080/*', 'https://a']) expect(parseMatchPattern(p)).toBeUndefined();
  });
  it('wildcards match any run of characters', () => {
    expect(wildcardMatch('/a*b*c', '/axxbyyc')).toBe(true);
    expect(wildcardMatch('/a*b*c', '/axxbyy')).toBe(false);
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('/x*', '/x')).toBe(true);
  });
  it('stays fast on a pattern full of wildcards (a regex .* per * backtracks for minutes here)', () => {
    // The test timeout guards it.
    expect(wildcardMatch(`/${'*a'.repeat(40)}*b`, `/${'a'.repeat(5000)}`)).toBe(false);
  });
  it('picks the sites for a URL and never throws on bad input', () => {
    expect(sitesForUrl('https://business.facebook.com/latest/whatsapp_manager/overview', allSites([])).length).toBe(1);
    expect(sitesForUrl('not a url', allSites([]))).toEqual([]);
  });
});
