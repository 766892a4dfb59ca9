import { MatchPattern } from 'wxt/utils/match-patterns';
import { builtinSites } from './whatsapp-manager';
import type { SiteDefinition } from './types';

export function allSites(custom: SiteDefinition[]): SiteDefinition[] {
  return [...builtinSites, ...custom];
}

/** The sites whose match patterns cover a URL. Invalid user patterns are skipped, never thrown. */
export function sitesForUrl(url: string, sites: SiteDefinition[]): SiteDefinition[] {
  return sites.filter((s) =>
    s.matches.some((p) => {
      try {
        return new MatchPattern(p).includes(url);
      } catch {
        return false;
      }
    }),
  );
}

export const builtinMatches = builtinSites.flatMap((s) => s.matches);
