import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '@greenlight/rules';
import { BAD_NAME_JSON, greenlight, onlyRules, parseJsonOutput, scratch } from './helpers.js';

const otp = BAD_NAME_JSON.replace('Order Shipped', 'OTP Code');
const promo = BAD_NAME_JSON.replace('Order Shipped', 'Big Sale').replace('"UTILITY"', '"MARKETING"');

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = scratch({
    'base.json': onlyRules({ 'name-format': 'warning' }),
    'greenlight.config.json': JSON.stringify(
      {
        extends: ['./base.json'],
        overrides: [
          { files: ['strict/**'], rules: { 'name-format': 'error' } },
          { templates: ['OTP*'], rules: { 'name-format': 'off' } },
          { categories: ['MARKETING'], rules: { 'name-format': ['error', { maxLength: 5 }] } },
        ],
        ignorePatterns: ['drafts/**', '*.draft.json'],
      },
      null,
      2,
    ),
    'a/t.json': BAD_NAME_JSON,
    'a/otp.json': otp,
    'a/promo.json': promo,
    'strict/t.json': BAD_NAME_JSON,
    'drafts/t.json': BAD_NAME_JSON,
    'a/x.draft.json': BAD_NAME_JSON,
    'nested/greenlight.config.json': onlyRules({ 'name-format': 'error' }),
    'nested/t.json': BAD_NAME_JSON,
  }));
});
afterAll(() => cleanup());

const byFile = (stdout: string) =>
  Object.fromEntries(parseJsonOutput(stdout).map((r) => [r.filePath.slice(dir.length + 1), r.messages.map((m) => `${m.ruleId}:${m.severity}:${m.messageId}`)]));

describe('config discovery', () => {
  it('applies extends, file/template/category overrides, nested configs and ignorePatterns', () => {
    const r = greenlight(['lint', '.', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(byFile(r.stdout)).toEqual({
      'a/t.json': ['name-format:1:charset'],
      'a/otp.json': [],
      'a/promo.json': ['name-format:2:charset', 'name-format:2:tooLong'],
      'strict/t.json': ['name-format:2:charset'],
      'nested/t.json': ['name-format:2:charset'],
    });
    expect(r.code).toBe(1);
  });

  it('finds the config from the working directory of a subfolder too', () => {
    const r = greenlight(['lint', 't.json', '-f', 'json'], { cwd: `${dir}/a` });
    expect(parseJsonOutput(r.stdout)[0]!.messages.map((m) => m.severity)).toEqual([1]);
  });

  it('--config replaces discovery', () => {
    const r = greenlight(['lint', 'a/t.json', 'nested/t.json', '-f', 'json', '--config', 'base.json'], { cwd: dir });
    expect(Object.values(byFile(r.stdout))).toEqual([['name-format:1:charset'], ['name-format:1:charset']]);
  });

  it('says so when a named file is ignored', () => {
    const r = greenlight(['lint', 'drafts/t.json', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ignored');
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('--print-config shows the effective settings for a file', () => {
    const r = greenlight(['--print-config', 'strict/t.json'], { cwd: dir });
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.stdout);
    expect(cfg.configFile).toBe(`${dir}/greenlight.config.json`);
    expect(cfg.rules['name-format']).toEqual(['error', { maxLength: 512 }]);
    for (const rule of builtinRules) expect(cfg.rules).toHaveProperty(rule.id);
    expect(cfg.templateOverrides).toHaveLength(2);
    expect(cfg.ignored).toBe(false);
    const a = JSON.parse(greenlight(['lint', '--print-config', 'a/t.json'], { cwd: dir }).stdout);
    expect(a.rules['name-format']).toEqual(['warning', { maxLength: 512 }]);
    expect(JSON.parse(greenlight(['--print-config', 'drafts/t.json'], { cwd: dir }).stdout).ignored).toBe(true);
  });

  it('uses greenlight:recommended without a config file', () => {
    const s = scratch({ 't.json': BAD_NAME_JSON });
    try {
      const cfg = JSON.parse(greenlight(['--print-config', 't.json'], { cwd: s.dir }).stdout);
      expect(cfg.configFile).toBeNull();
      for (const rule of builtinRules) {
        const v = cfg.rules[rule.id];
        expect(Array.isArray(v) ? v[0] : v, rule.id).toBe(rule.recommended ? rule.severity : 'off');
      }
      const r = greenlight(['lint', 't.json', '-f', 'json'], { cwd: s.dir });
      expect(parseJsonOutput(r.stdout)[0]!.messages.some((m) => m.ruleId === 'name-format')).toBe(true);
    } finally {
      s.cleanup();
    }
  });
});

describe('invalid config', () => {
  it('prints file:line:column, message and path, and exits 2', () => {
    const s = scratch({
      'greenlight.config.json': '{\n  "rules": {\n    "name-fromat": "error",\n    "name-format": ["error", { "maxLength": "long" }]\n  },\n  "extends": "greenlight:lenient"\n}\n',
      't.json': BAD_NAME_JSON,
    });
    try {
      const r = greenlight(['lint', 't.json'], { cwd: s.dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('greenlight.config.json:3:20  Unknown rule "name-fromat". Did you mean "name-format"? (rules["name-fromat"])');
      expect(r.stderr).toMatch(/greenlight\.config\.json:4:45 {2}.+ \(rules\["name-format"\]\[1\]\.maxLength\)/);
      expect(r.stderr).toMatch(/greenlight\.config\.json:6:14 {2}Unknown preset "greenlight:lenient"/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      s.cleanup();
    }
  });

  it('reports JSON syntax errors in the config with their position', () => {
    const s = scratch({ 'greenlight.config.json': '{\n  "rules": {\n    "name-format": "error",\n  }\n', 't.json': BAD_NAME_JSON });
    try {
      const r = greenlight(['lint', 't.json'], { cwd: s.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/greenlight\.config\.json:\d+:\d+ {2}.+\(\(syntax\)\)/);
    } finally {
      s.cleanup();
    }
  });

  it('reports unknown keys and a broken extended file', () => {
    const s = scratch({ 'greenlight.config.json': '{ "extends": "./base.json" }', 'base.json': '{ "rulez": {} }', 't.json': BAD_NAME_JSON });
    try {
      const r = greenlight(['lint', 't.json'], { cwd: s.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/base\.json:1:3 {2}Unknown key.*rulez.*\(rulez\)/);
    } finally {
      s.cleanup();
    }
  });
});
