import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '@greenlight/rules';
import { BAD_NAME_JSON, BAD_NAME_YAML, greenlight, onlyRules, parseJsonOutput, ROOT, scratch } from './helpers.js';

// An emoji (a surrogate pair, 2 UTF-16 units) before the finding on the same line, as ESLint counts columns.
const ONE_LINE = `{"note": "\u{1F600}\u00e9", "name": "Bad Name", "language": "en_US", "category": "UTILITY", "components": [{"type": "BODY", "text": "Hello"}]}\n`;

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = scratch({
    'greenlight.config.json': onlyRules({ 'name-format': 'error' }),
    'templates/order.template.json': BAD_NAME_JSON,
    'templates/order.template.yaml': BAD_NAME_YAML,
    'templates/emoji.json': ONE_LINE,
    'templates/sub dir/broken.json': '{ "name": "x", "components": [ }',
  }));
});
afterAll(() => cleanup());

describe('json format', () => {
  it('has ESLint shape with 1-based UTF-16 positions and fixes', () => {
    const r = greenlight(['lint', 'templates', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const results = parseJsonOutput(r.stdout);
    expect(results.map((x) => x.filePath).sort()).toEqual(
      ['templates/emoji.json', 'templates/order.template.json', 'templates/order.template.yaml', 'templates/sub dir/broken.json'].map((p) => join(dir, p)).sort(),
    );
    const order = results.find((x) => x.filePath.endsWith('order.template.json'))!;
    expect(order.messages).toHaveLength(1);
    const m = order.messages[0]!;
    expect(m).toMatchObject({ ruleId: 'name-format', messageId: 'charset', severity: 2, line: 2, column: 11, endLine: 2, endColumn: 26 });
    expect(m.message).toContain('order_shipped');
    // The fix range indexes the source text, and replacing it gives a valid JSON name.
    const source = order.source!;
    expect(source).toBe(BAD_NAME_JSON);
    expect(source.slice(m.fix!.range[0], m.fix!.range[1])).toBe('"Order Shipped"');
    expect(m.fix!.text).toBe('"order_shipped"');
    expect(order).toMatchObject({ errorCount: 1, warningCount: 0, infoCount: 0, fixableErrorCount: 1, fixableWarningCount: 0 });

    const emoji = results.find((x) => x.filePath.endsWith('emoji.json'))!;
    const name = emoji.messages[0]!;
    const expectedColumn = ONE_LINE.indexOf('"Bad Name"') + 1;
    expect(name).toMatchObject({ line: 1, column: expectedColumn, endColumn: expectedColumn + '"Bad Name"'.length });

    const yaml = results.find((x) => x.filePath.endsWith('.yaml'))!;
    expect(yaml.messages[0]).toMatchObject({ ruleId: 'name-format', line: 1, column: 7, endLine: 1, endColumn: 20 });
  });

  it('reports a syntax error at its position, marked fatal, without crashing', () => {
    const r = greenlight(['lint', 'templates/sub dir/broken.json', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const [result] = parseJsonOutput(r.stdout);
    const syntax = result!.messages.filter((m) => m.ruleId === 'syntax');
    expect(syntax.length).toBeGreaterThan(0);
    // `{ "name": "x", "components": [ }`: the first problem is the missing value before `}` at column 32.
    expect(syntax[0]).toMatchObject({ severity: 2, fatal: true, line: 1, column: 32 });
  });
});

describe('stylish format', () => {
  it('prints a block per file, aligned rows and a summary', () => {
    const r = greenlight(['lint', 'templates/order.template.json', 'templates/order.template.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('templates/order.template.json');
    expect(lines).toContain('templates/order.template.yaml');
    expect(r.stdout).toMatch(/^ {2}2:11 {2}error {2}Template name "Order Shipped" .* {2}name-format$/m);
    expect(r.stdout).toMatch(/^ {2}1:7 {2}error {2}.* {2}name-format$/m);
    expect(r.stdout).toContain('\u2716 2 problems (2 errors, 0 warnings)');
    expect(r.stdout).toContain('2 fixable with --fix');
  });

  it('prints nothing for clean files', () => {
    const r = greenlight(['lint', 'templates/order.template.json', '--rule', 'name-format:off'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('colours only when asked or on a terminal, never with NO_COLOR', () => {
    const forced = greenlight(['lint', 'templates/order.template.json'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[31m/);
    const noColor = greenlight(['lint', 'templates/order.template.json'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
    const flag = greenlight(['lint', 'templates/order.template.json', '--color'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(flag.stdout).toMatch(/\u001b\[/);
  });

  it('escapes control characters that come from template text', () => {
    const s = scratch({
      'greenlight.config.json': onlyRules({ 'name-format': 'error' }),
      't.json': JSON.stringify({ name: 'Bad\u001b[2JName', language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi' }] }),
    });
    try {
      const r = greenlight(['lint', 't.json'], { cwd: s.dir });
      expect(r.stdout).not.toContain('\u001b');
      expect(r.stdout).toContain('\\u001b[2J');
    } finally {
      s.cleanup();
    }
  });
});

describe('sarif format', () => {
  it('is SARIF 2.1.0 that GitHub code scanning accepts', () => {
    const r = greenlight(['lint', 'templates', '--format', 'sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    const driver = run.tool.driver;
    expect(driver.name).toBe('Greenlight');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.version).toBe(JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')).version);
    const ids = driver.rules.map((x: { id: string }) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of builtinRules) expect(ids).toContain(rule.id);
    expect(ids).toContain('syntax');
    for (const d of driver.rules) {
      expect(d.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(d.shortDescription.text.length).toBeGreaterThan(0);
      expect(d.fullDescription.text.length).toBeGreaterThan(0);
      expect(d.helpUri).toMatch(/^https:\/\//);
      expect(d.help.text.length).toBeGreaterThan(0);
      expect(d.help.markdown.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note']).toContain(d.defaultConfiguration.level);
      expect(Array.isArray(d.properties.tags)).toBe(true);
      expect(['very-high', 'high', 'medium', 'low']).toContain(d.properties.precision);
      expect(['error', 'warning', 'recommendation']).toContain(d.properties['problem.severity']);
    }
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    expect(run.results.length).toBeGreaterThanOrEqual(4);
    const fingerprints = new Set<string>();
    for (const res of run.results) {
      expect(driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(['error', 'warning', 'note']).toContain(res.level);
      expect(res.message.text.length).toBeGreaterThan(0);
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(loc.artifactLocation.uri).toMatch(/^templates\//);
      expect(loc.artifactLocation.uri).not.toContain('\\');
      for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) expect(loc.region[k]).toBeGreaterThanOrEqual(1);
      const fp = Object.values(res.partialFingerprints)[0] as string;
      expect(fp).toMatch(/^[0-9a-f]{32}$/);
      fingerprints.add(fp);
    }
    expect(fingerprints.size).toBe(run.results.length);
    // Spaces in paths are percent-encoded in the URI.
    expect(run.results.some((x: any) => x.locations[0].physicalLocation.artifactLocation.uri === 'templates/sub%20dir/broken.json')).toBe(true);
    const yaml = run.results.find((x: any) => x.locations[0].physicalLocation.artifactLocation.uri.endsWith('.yaml'));
    expect(yaml.locations[0].physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 7, endLine: 1, endColumn: 20 });
  });

  it('keeps fingerprints when lines move', () => {
    const s = scratch({ 'greenlight.config.json': onlyRules({ 'name-format': 'error' }), 't.json': BAD_NAME_JSON });
    try {
      const a = JSON.parse(greenlight(['lint', 't.json', '-f', 'sarif'], { cwd: s.dir }).stdout);
      writeFileSync(join(s.dir, 't.json'), `\n\n${BAD_NAME_JSON}`);
      const b = JSON.parse(greenlight(['lint', 't.json', '-f', 'sarif'], { cwd: s.dir }).stdout);
      expect(b.runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(4);
      expect(b.runs[0].results[0].partialFingerprints).toEqual(a.runs[0].results[0].partialFingerprints);
    } finally {
      s.cleanup();
    }
  });

  it('writes to --output-file', () => {
    const r = greenlight(['lint', 'templates/order.template.json', '-f', 'sarif', '-o', 'out/report.sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8')).runs[0].results).toHaveLength(1);
  });
});
