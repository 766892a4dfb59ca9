/**
 * Resolves the config the overlay uses: the admin's policy first, then the team's
 * greenlight.config.json, then the recommended preset; the user's rule toggles go on top unless
 * the admin locked them. Runs in the options page and the background (it loads zod), never in the
 * content script.
 */
import { PRESET_PREFIX, resolveConfig, type ConfigProblem, type ResolvedConfig, type SeveritySetting } from '@greenlight/core';
import { builtinRules, presets } from '@greenlight/rules';
import { readManagedPolicy, resolvedConfigItem, teamConfigItem, userRulesItem, type ManagedPolicy, type StoredConfig, type TeamConfig } from '../storage';

export const CONFIG_PATH = '/greenlight.config.json';

export function validateConfigText(text: string): { config: ResolvedConfig; problems: ConfigProblem[] } {
  return resolveConfig(text, CONFIG_PATH, { rules: builtinRules, presets });
}

export function computeEffective(managed: ManagedPolicy, team: TeamConfig | null, userRules: Record<string, SeveritySetting>): StoredConfig {
  const origin: StoredConfig['origin'] = managed.configJson ? 'managed' : team ? 'team' : 'default';
  const text = managed.configJson ?? team?.text ?? JSON.stringify({ extends: [`${PRESET_PREFIX}recommended`] });
  const { config, problems } = validateConfigText(text);
  const locked = !!managed.locked;
  if (!locked) {
    for (const [id, severity] of Object.entries(userRules)) {
      if (!builtinRules.some((r) => r.id === id)) continue;
      config.rules[id] = { severity, options: config.rules[id]?.options };
    }
  }
  return { config, problems, origin, locked, managedDisabledSites: managed.disabledSites ?? [], updatedAt: Date.now() };
}

/** Recomputes and stores the effective config; returns it. */
export async function refreshEffectiveConfig(): Promise<StoredConfig> {
  const [managed, team, userRules] = await Promise.all([readManagedPolicy(), teamConfigItem.getValue(), userRulesItem.getValue()]);
  const stored = computeEffective(managed, team, userRules);
  await resolvedConfigItem.setValue(stored);
  return stored;
}
