/**
 * URL-shortener hosts: the maintained list in shared-rules/url-shorteners.json, extended by the
 * team's `business.shortenerDomains` and minus its `business.brandedShortDomains`.
 */
import data from '@greenlight/shared-rules/url-shorteners.json' with { type: 'json' };
import type { BusinessSettings } from '@greenlight/core';
import { domainSet, matchDomain, normalizeDomain } from './urls.js';

/** Where a shortener host comes from; Meta's editor blocks only the first group outright. */
export type ShortenerSource = 'editor' | 'other' | 'team';

export const EDITOR_SHORTENERS: ReadonlySet<string> = new Set(data.editor.map(normalizeDomain));
export const OTHER_SHORTENERS: ReadonlySet<string> = new Set(data.other.map(normalizeDomain));
export const SHORTENER_SOURCES: readonly { title: string; url: string }[] = data.sources;

export interface ShortenerMatch {
  /** The listed domain the host matched (`bit.ly` for `www.bit.ly`). */
  domain: string;
  source: ShortenerSource;
}

/** Is `host` a shortener for this team? Branded short domains the team owns never are. */
export function matchShortener(host: string, settings: Pick<BusinessSettings, 'shortenerDomains' | 'brandedShortDomains'>): ShortenerMatch | undefined {
  if (matchDomain(host, domainSet(settings.brandedShortDomains))) return undefined;
  const editor = matchDomain(host, EDITOR_SHORTENERS);
  if (editor) return { domain: editor, source: 'editor' };
  const other = matchDomain(host, OTHER_SHORTENERS);
  if (other) return { domain: other, source: 'other' };
  const team = matchDomain(host, domainSet(settings.shortenerDomains));
  if (team) return { domain: team, source: 'team' };
  return undefined;
}
