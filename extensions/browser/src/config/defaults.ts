import { normalizeRuleSetting, type ResolvedConfig, type RuleEntry, type RuleSetting } from '@greenlight/core';
import { presets } from '@greenlight/rules';

/**
 * A preset as a resolved config, without the JSON parser: the content script uses this until the
 * background has stored the team's resolved config.
 */
export function presetConfig(name = 'recommended'): ResolvedConfig {
  const rules: Record<string, RuleEntry> = {};
  const preset = presets[name] ?? {};
  for (const [id, s] of Object.entries(preset.rules ?? {})) rules[id] = normalizeRuleSetting(s as RuleSetting);
  return { baseDir: '/', files: [], rules, business: {}, overrides: [], ignorePatterns: [] };
}
