import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '@greenlight/core';
import { builtinRules, presets } from '@greenlight/rules';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it('shows a configuration example that Greenlight accepts', () => {
    const example = /## Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const { problems } = resolveConfig(example!, '/repo/greenlight.config.json', {
      rules: builtinRules,
      presets,
      // The example extends a team file; any valid config stands in for it.
      fs: { readFile: (path) => (path === '/repo/team-base.json' ? '{}' : undefined) },
    });
    expect(problems).toEqual([]);
  });
  it('opens with the two commands', () => {
    expect(readme).toContain('pnpm lint:examples');
    expect(readme).toContain('pnpm test:all');
  });
});
