import { builtinSites } from './whatsapp-manager';
import { parseMatchPattern, patternIncludes, type ParsedPattern } from './match-pattern';
import type { SiteDefinition } from './types';

export function allSites(custom: SiteDefinition[]): SiteDefinition[] {
  return [...builtinSites, ...custom];
}

const parsedPatterns = new Map<string, ParsedPattern | undefined>();

/** The sites whose match patterns cover a URL. Invalid user patterns are skipped, never thrown. */
export function sitesForUrl(url: string, sites: SiteDefinition[]): SiteDefinition[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  return sites.filter((s) =>
    s.matches.some((p) => {
      if (!parsedPatterns.has(p)) parsedPatterns.set(p, parseMatchPattern(p));
      const pattern = parsedPatterns.get(p);
      return pattern !== undefined && patternIncludes(pattern, parsed);
    }),
  );
}

export const builtinMatches = builtinSites.flatMap((s) => s.matches);
