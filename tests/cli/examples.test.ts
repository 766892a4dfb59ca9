import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { greenlight, parseJsonOutput, ROOT } from './helpers.js';

/** What each bad example is there to show (see examples/README.md); more findings may appear. */
const EXPECTED: Record<string, string[]> = {
  'en_US-promo-in-utility.template.json': ['category-mismatch', 'url-shortener', 'url-insecure', 'url-domain'],
  'es-variables.template.yaml': ['variable-at-edge', 'variable-adjacent', 'variable-sequence', 'variable-malformed', 'variable-examples'],
  'pt_BR-nome-e-limites.template.json': ['name-format', 'limit-footer-length', 'limit-button-text-length', 'marketing-opt-out'],
  'de-auth-with-extras.template.json': ['auth-content', 'auth-otp-button'],
  'fr-format.template.yaml': ['language-code', 'emoji-header-footer', 'whitespace-edges', 'formatting-newlines', 'marketing-opt-out'],
  'it-buttons.template.yaml': ['button-grouping', 'button-duplicate-label', 'button-count', 'limit-phone-number'],
  'ru-otp-in-utility.template.json': ['category-otp-content'],
  'ar-wa-me-link.template.json': ['variable-at-edge', 'variable-adjacent'],
  'hi-broken-syntax.template.json': ['syntax'],
};

describe('examples/', () => {
  const r = greenlight(['lint', 'examples', '-f', 'json', '--include-info'], { cwd: ROOT });
  const results = r.code === 2 ? [] : parseJsonOutput(r.stdout);
  const byPath = new Map(results.map((x) => [x.filePath.slice(join(ROOT, 'examples').length + 1), x]));

  it('the examples config is valid and the run fails because of bad/ only', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const good = readdirSync(join(ROOT, 'examples/good'));
    const bad = readdirSync(join(ROOT, 'examples/bad'));
    expect(good.length).toBeGreaterThanOrEqual(11);
    expect([...byPath.keys()].sort()).toEqual([...good.map((f) => `good/${f}`), ...bad.map((f) => `bad/${f}`)].sort());
  });

  it('good examples have no findings at all', () => {
    for (const [path, res] of byPath) {
      if (!path.startsWith('good/')) continue;
      expect(res.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`), path).toEqual([]);
    }
  });

  it('each bad example reports what it is meant to show', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(readdirSync(join(ROOT, 'examples/bad')).sort());
    for (const [file, rules] of Object.entries(EXPECTED)) {
      const res = byPath.get(`bad/${file}`)!;
      expect(res.errorCount + res.warningCount, file).toBeGreaterThan(0);
      const found = new Set(res.messages.map((m) => m.ruleId));
      for (const id of rules) expect(found.has(id), `${file} should report ${id}; got ${[...found].join(', ')}`).toBe(true);
      expect(found.has('syntax') && file !== 'hi-broken-syntax.template.json', file).toBe(false);
    }
  });

  it('the config applies its overrides', () => {
    const cfg = JSON.parse(greenlight(['--print-config', 'examples/good/de-rechnung.template.json'], { cwd: ROOT }).stdout);
    expect(cfg.configFile).toBe(join(ROOT, 'examples/greenlight.config.json'));
    expect(cfg.rules['url-insecure']).toBe('error');
    expect(cfg.business.allowedDomains).toContain('northwind.example.com');
    expect(cfg.templateOverrides.length).toBeGreaterThanOrEqual(2);
  });
});
