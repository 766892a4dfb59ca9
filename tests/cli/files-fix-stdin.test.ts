import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml as parseYamlDoc, toPlain } from '@greenlight/core';
import { describe, expect, it } from 'vitest';
import { BAD_NAME_JSON, BAD_NAME_YAML, GOOD_JSON, greenlight, onlyRules, parseJsonOutput, scratch } from './helpers.js';

/** Parses YAML with the core parser, failing on any syntax problem. */
function parseYaml(text: string): any {
  const doc = parseYamlDoc(text);
  expect(doc.problems).toEqual([]);
  return toPlain(doc.root);
}

const config = onlyRules({ 'name-format': 'error' });

describe('file discovery', () => {
  it('walks directories for template files, skipping node_modules, dot-directories and non-templates', () => {
    const s = scratch({
      'greenlight.config.json': config,
      'a/one.json': BAD_NAME_JSON,
      'a/b/two.yaml': BAD_NAME_YAML,
      'a/b/three.yml': BAD_NAME_YAML,
      'a/list.json': JSON.stringify({ data: [JSON.parse(BAD_NAME_JSON)], paging: { cursors: {} } }),
      'a/array.json': JSON.stringify([JSON.parse(GOOD_JSON), JSON.parse(BAD_NAME_JSON)]),
      'a/package.json': '{ "name": "some-package", "version": "1.0.0" }',
      'a/tsconfig.json': '{ "compilerOptions": {} }',
      'a/workflow.yaml': 'on: push\njobs: {}\n',
      'a/notes.txt': 'not linted',
      'a/node_modules/x/t.json': BAD_NAME_JSON,
      'a/.cache/t.json': BAD_NAME_JSON,
    });
    try {
      const r = greenlight(['lint', 'a', '-f', 'json'], { cwd: s.dir });
      const files = parseJsonOutput(r.stdout).map((x) => x.filePath.slice(s.dir.length + 1));
      expect(files).toEqual(['a/array.json', 'a/b/three.yml', 'a/b/two.yaml', 'a/list.json', 'a/one.json']);
      const counts = Object.fromEntries(parseJsonOutput(r.stdout).map((x) => [x.filePath.slice(s.dir.length + 1), x.errorCount]));
      expect(counts).toEqual({ 'a/array.json': 1, 'a/b/three.yml': 1, 'a/b/two.yaml': 1, 'a/list.json': 1, 'a/one.json': 1 });
      // A file named on the command line is linted even when it holds no template.
      const named = greenlight(['lint', 'a/package.json', '-f', 'json'], { cwd: s.dir });
      expect(named.code).toBe(1);
      expect(parseJsonOutput(named.stdout)[0]!.messages.length).toBeGreaterThan(0);
    } finally {
      s.cleanup();
    }
  });

  it('expands globs', () => {
    const s = scratch({ 'greenlight.config.json': config, 'a/one.json': BAD_NAME_JSON, 'a/b/two.yaml': BAD_NAME_YAML, 'c/three.json': BAD_NAME_JSON });
    try {
      const r = greenlight(['lint', 'a/**/*.yaml', 'c/*.json', '-f', 'json'], { cwd: s.dir });
      expect(parseJsonOutput(r.stdout).map((x) => x.filePath.slice(s.dir.length + 1))).toEqual(['a/b/two.yaml', 'c/three.json']);
    } finally {
      s.cleanup();
    }
  });

  it('lints the current directory with no path', () => {
    const s = scratch({ 'greenlight.config.json': config, 't.json': BAD_NAME_JSON });
    try {
      const r = greenlight(['lint', '-f', 'json'], { cwd: s.dir });
      expect(parseJsonOutput(r.stdout).map((x) => x.filePath)).toEqual([join(s.dir, 't.json')]);
    } finally {
      s.cleanup();
    }
  });
});

describe('--fix', () => {
  it('rewrites JSON and YAML files in place and reports what is left', () => {
    const s = scratch({ 'greenlight.config.json': config, 't.json': BAD_NAME_JSON, 't.yaml': BAD_NAME_YAML, 'ok.json': GOOD_JSON });
    try {
      const r = greenlight(['lint', '.', '--fix', '-f', 'json'], { cwd: s.dir });
      expect(r.code).toBe(0);
      const json = readFileSync(join(s.dir, 't.json'), 'utf8');
      expect(json).toBe(GOOD_JSON);
      const yaml = parseYaml(readFileSync(join(s.dir, 't.yaml'), 'utf8'));
      expect(yaml.name).toBe('order_shipped');
      expect(yaml.components[0].text).toBe('Your order {{1}} has shipped.');
      const results = parseJsonOutput(r.stdout);
      expect(results.every((x) => x.messages.length === 0)).toBe(true);
      expect(results.find((x) => x.filePath.endsWith('t.json'))!.output).toBe(GOOD_JSON);
      expect(results.find((x) => x.filePath.endsWith('ok.json'))!.output).toBeUndefined();
      // A second run has nothing left to change.
      expect(greenlight(['lint', '.', '--fix'], { cwd: s.dir }).code).toBe(0);
      expect(readFileSync(join(s.dir, 't.json'), 'utf8')).toBe(GOOD_JSON);
    } finally {
      s.cleanup();
    }
  });

  it('keeps a byte order mark', () => {
    const s = scratch({ 'greenlight.config.json': config, 't.json': `\uFEFF${BAD_NAME_JSON}` });
    try {
      const r = greenlight(['lint', 't.json', '--fix'], { cwd: s.dir });
      expect(r.code).toBe(0);
      expect(readFileSync(join(s.dir, 't.json'), 'utf8')).toBe(`\uFEFF${GOOD_JSON}`);
    } finally {
      s.cleanup();
    }
  });

  it('leaves a file with syntax errors untouched', () => {
    const broken = BAD_NAME_JSON.replace('"language"', '"language" "en"');
    const s = scratch({ 'greenlight.config.json': config, 't.json': broken });
    try {
      const r = greenlight(['lint', 't.json', '--fix', '-f', 'json'], { cwd: s.dir });
      expect(r.code).toBe(1);
      expect(readFileSync(join(s.dir, 't.json'), 'utf8')).toBe(broken);
      expect(parseJsonOutput(r.stdout)[0]!.messages.some((m) => m.ruleId === 'syntax' && m.line === 3)).toBe(true);
    } finally {
      s.cleanup();
    }
  });
});

describe('--stdin', () => {
  it('lints standard input, using --stdin-filename for the format and the config', () => {
    const s = scratch({ 'greenlight.config.json': config, 'sub/greenlight.config.json': onlyRules({ 'name-format': 'warning' }) });
    try {
      const json = greenlight(['lint', '--stdin', '-f', 'json'], { cwd: s.dir, input: BAD_NAME_JSON });
      expect(json.code).toBe(1);
      const [res] = parseJsonOutput(json.stdout);
      expect(res!.filePath).toBe('<text>');
      expect(res!.messages[0]).toMatchObject({ ruleId: 'name-format', line: 2, column: 11 });

      const yaml = greenlight(['lint', '--stdin', '--stdin-filename', 'sub/t.yaml', '-f', 'json'], { cwd: s.dir, input: BAD_NAME_YAML });
      expect(yaml.code).toBe(0);
      const [y] = parseJsonOutput(yaml.stdout);
      expect(y!.filePath).toBe(join(s.dir, 'sub/t.yaml'));
      expect(y!.messages[0]).toMatchObject({ ruleId: 'name-format', severity: 1, line: 1, column: 7 });
    } finally {
      s.cleanup();
    }
  });

  it('with --fix prints the fixed text on stdout and findings on stderr', () => {
    const s = scratch({ 'greenlight.config.json': config });
    try {
      const r = greenlight(['lint', '--stdin', '--stdin-filename', 't.json', '--fix'], { cwd: s.dir, input: BAD_NAME_JSON });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(GOOD_JSON);
      const y = greenlight(['lint', '--stdin', '--stdin-filename', 't.yaml', '--fix'], { cwd: s.dir, input: BAD_NAME_YAML });
      expect(parseYaml(y.stdout).name).toBe('order_shipped');
      const broken = greenlight(['lint', '--stdin', '--fix'], { cwd: s.dir, input: '{ "name": "A B", ' });
      expect(broken.code).toBe(1);
      expect(broken.stdout).toBe('{ "name": "A B", ');
      expect(broken.stderr).toContain('syntax');
    } finally {
      s.cleanup();
    }
  });
});
