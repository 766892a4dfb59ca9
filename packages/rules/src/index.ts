import type { Config, Rule } from '@greenlight/core';
import recommended from '@greenlight/shared-rules/presets/recommended.json' with { type: 'json' };
import strict from '@greenlight/shared-rules/presets/strict.json' with { type: 'json' };
import { builtinRules } from './index.generated.js';

export { builtinRules };

/** Presets by name, for `extends: ["greenlight:recommended"]`. */
export const presets: Record<string, Config> = { recommended: recommended as Config, strict: strict as Config };

export const rulesById: ReadonlyMap<string, Rule> = new Map(builtinRules.map((r) => [r.id, r]));
