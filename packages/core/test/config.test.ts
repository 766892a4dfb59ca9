import { describe, expect, it } from 'vitest';
import { defineRule, effectiveSettings, findConfigFile, resolveConfig, z, type Config } from '../src/index.js';

const rule = defineRule({
  id: 'demo-rule',
  description: 'd',
  rationale: 'r',
  severity: 'warning',
  family: 'limits',
  tags: [],
  evidence: { level: 'meta', sources: [{ title: 't', url: 'https://example.com' }] },
  recommended: true,
  messages: { m: 'm' },
  options: z.object({ max: z.number().int().default(3) }).strict(),
  check() {},
  examples: { valid: [], invalid: [] },
});
const presets: Record<string, Config> = { recommended: { rules: { 'demo-rule': 'warning' } } };
const opts = (files: Record<string, string> = {}) => ({ rules: [rule], presets, fs: { readFile: (p: string) => files[p] } });

describe('resolveConfig', () => {
  it('merges presets, files and own rules', () => {
    const files = { '/team/base.json': '{"rules":{"demo-rule":["error",{"max":5}]}}' };
    const { config, problems } = resolveConfig('{"extends":["greenlight:recommended","./base.json"],"rules":{"demo-rule":"info"}}', '/team/greenlight.config.json', opts(files));
    expect(problems).toEqual([]);
    // A severity-only setting keeps the options set before it.
    expect(config.rules['demo-rule']).toEqual({ severity: 'info', options: { max: 5 } });
  });
  it('reports unknown keys, unknown rules and bad options with path and line/column', () => {
    const text = '{\n  "rules": {\n    "demo-rul": "error",\n    "demo-rule": ["error", { "max": "x" }]\n  },\n  "colour": 1\n}';
    const { problems } = resolveConfig(text, '/greenlight.config.json', opts());
    const byMsg = problems.map((p) => `${p.line}:${p.column} ${p.path} ${p.message}`);
    expect(byMsg).toContain('6:3 colour Unknown key "colour".');
    const unknown = problems.find((p) => p.message.includes('Unknown rule'))!;
    expect(unknown.message).toContain('Did you mean "demo-rule"');
    const bad = problems.find((p) => p.path === 'rules["demo-rule"][1].max')!;
    expect([bad.line, bad.column]).toEqual([4, 37]);
  });
  it('reports syntax errors and cycles without throwing', () => {
    expect(resolveConfig('{"rules": {', '/c.json', opts()).problems[0]!.line).toBe(1);
    const files = { '/a.json': '{"extends":"./b.json"}', '/b.json': '{"extends":"./a.json"}' };
    const r = resolveConfig(files['/a.json'], '/a.json', opts(files));
    expect(r.problems.some((p) => p.message.includes('cycle'))).toBe(true);
  });
  it('applies overrides by file, template name and category', () => {
    const { config } = resolveConfig(
      JSON.stringify({
        rules: { 'demo-rule': 'warning' },
        overrides: [
          { files: ['legacy/**'], rules: { 'demo-rule': 'off' } },
          { templates: ['otp_*'], categories: ['AUTHENTICATION'], rules: { 'demo-rule': 'error' } },
        ],
      }),
      '/repo/greenlight.config.json',
      opts(),
    );
    expect(effectiveSettings(config, { filePath: '/repo/legacy/x/a.json' }).rules.has('demo-rule')).toBe(false);
    expect(effectiveSettings(config, { filePath: '/repo/new/a.json', templateName: 'otp_login', category: 'AUTHENTICATION' }).rules.get('demo-rule')?.severity).toBe('error');
    expect(effectiveSettings(config, { filePath: '/repo/new/a.json', templateName: 'otp_login', category: 'UTILITY' }).rules.get('demo-rule')?.severity).toBe('warning');
  });
});

describe('findConfigFile', () => {
  it('walks up to the nearest config', () => {
    const existing = new Set(['/repo/greenlight.config.json', '/repo/team/greenlight.config.json']);
    expect(findConfigFile('/repo/team/templates', (p) => existing.has(p))).toBe('/repo/team/greenlight.config.json');
    expect(findConfigFile('/repo/other', (p) => existing.has(p))).toBe('/repo/greenlight.config.json');
    expect(findConfigFile('/elsewhere', (p) => existing.has(p))).toBeUndefined();
  });
});
