/**
 * Everything the extension keeps, in extension storage. The options page and the background
 * validate (zod) and resolve configs; the content script only reads the resolved result, so the
 * config schema never has to be loaded on the editor page.
 */
import type { ConfigProblem, ResolvedConfig, SeveritySetting } from '@greenlight/core';
import { storage } from 'wxt/utils/storage';
import type { SiteDefinition } from './sites/types';

export interface TeamConfig {
  source: 'file' | 'paste' | 'url';
  text: string;
  /** For `url`: where it was synced from. */
  url?: string;
  fileName?: string;
  updatedAt: number;
}

export interface StoredConfig {
  config: ResolvedConfig;
  problems: ConfigProblem[];
  /** Which config won: the admin's policy, the team file, or the built-in preset. */
  origin: 'managed' | 'team' | 'default';
  /** The user's rule toggles are ignored when the admin locks the config. */
  locked: boolean;
  /** Hosts the admin turned the overlay off for (copied from managed storage). */
  managedDisabledSites: string[];
  updatedAt: number;
}

/** What an administrator can push through browser policy (see public/managed_schema.json). */
export interface ManagedPolicy {
  configJson?: string;
  configUrl?: string;
  locked?: boolean;
  disabledSites?: string[];
}

export const userRulesItem = storage.defineItem<Record<string, SeveritySetting>>('local:userRules', { fallback: {} });
export const teamConfigItem = storage.defineItem<TeamConfig | null>('local:teamConfig', { fallback: null });
export const resolvedConfigItem = storage.defineItem<StoredConfig | null>('local:resolvedConfig', { fallback: null });
export const disabledSitesItem = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });
export const customSitesItem = storage.defineItem<SiteDefinition[]>('local:customSites', { fallback: [] });

/** Admin policy; empty when none is set (and on Firefox without policies). */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  try {
    const all = (await browser.storage.managed.get(null)) as Record<string, unknown>;
    const out: ManagedPolicy = {};
    if (typeof all.configJson === 'string') out.configJson = all.configJson;
    if (typeof all.configUrl === 'string') out.configUrl = all.configUrl;
    if (typeof all.locked === 'boolean') out.locked = all.locked;
    if (Array.isArray(all.disabledSites)) out.disabledSites = all.disabledSites.filter((s): s is string => typeof s === 'string');
    return out;
  } catch {
    // No managed storage (no policy, Firefox without a manifest, tests).
    return {};
  }
}

export function siteKey(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
