/**
 * Fixture files with exact expected findings. Each `tests/fixtures/<name>.template.{json,yaml,yml}`
 * has a sibling `<name>.expected.json`:
 *
 *   {
 *     "config":   optional greenlight.config.json content (default: every rule on at its own severity),
 *     "rules":    optional rule ids whose findings are compared (default: all; `syntax` always is),
 *     "messages": [{ ruleId, messageId, severity, line, column, endLine, endColumn, text }]
 *   }
 *
 * Lines and columns are 1-based, columns in UTF-16 code units, the end exclusive; `text` is the
 * exact source text underlined. `UPDATE=1 pnpm exec vitest run tests/fixtures.test.ts` rewrites the
 * `messages` of every expectation file (keeping `config` and `rules`); review each change by hand.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LineIndex, lint, resolveConfig, type Config } from '@greenlight/core';
import { builtinRules, presets } from '@greenlight/rules';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const UPDATE = process.env.UPDATE === '1';
const FIXTURE = /^(.+)\.template\.(json|ya?ml)$/;

interface ExpectedMessage {
  ruleId: string;
  messageId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

interface Expectation {
  $comment?: string;
  config?: Config;
  rules?: string[];
  messages: ExpectedMessage[];
}

const allRulesConfig: Config = { rules: Object.fromEntries(builtinRules.map((r) => [r.id, r.severity])) };

function actualMessages(file: string, text: string, exp: Expectation): ExpectedMessage[] {
  const configPath = join(DIR, 'greenlight.config.json');
  const { config, problems } = resolveConfig(JSON.stringify(exp.config ?? allRulesConfig), configPath, { rules: builtinRules, presets });
  expect(problems, 'the fixture config is valid').toEqual([]);
  const result = lint(text, { rules: builtinRules, config, filePath: file });
  const scope = exp.rules ? new Set([...exp.rules, 'syntax']) : undefined;
  const lines = new LineIndex(text);
  return result.messages
    .filter((m) => !scope || scope.has(m.ruleId))
    .map((m) => {
      const s = lines.position(m.range.start);
      const e = lines.position(m.range.end);
      return {
        ruleId: m.ruleId,
        messageId: m.messageId,
        severity: m.severity,
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
        text: text.slice(m.range.start, m.range.end),
      };
    });
}

const fixtures = readdirSync(DIR)
  .filter((f) => FIXTURE.test(f))
  .sort();

describe('fixtures', () => {
  it('every fixture has a unique name and an expectation file', () => {
    const names = fixtures.map((f) => FIXTURE.exec(f)![1]!);
    expect(new Set(names).size).toBe(names.length);
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
    for (const f of readdirSync(DIR).filter((x) => x.endsWith('.expected.json'))) {
      expect(names, `${f} has no fixture`).toContain(f.replace(/\.expected\.json$/, ''));
    }
  });

  for (const f of fixtures) {
    it(f, () => {
      const name = FIXTURE.exec(f)![1]!;
      const expPath = join(DIR, `${name}.expected.json`);
      const text = readFileSync(join(DIR, f), 'utf8');
      const exp: Expectation = existsSync(expPath) ? JSON.parse(readFileSync(expPath, 'utf8')) : { messages: [] };
      for (const id of exp.rules ?? []) expect(builtinRules.map((r) => r.id), `unknown rule ${id} in ${name}.expected.json`).toContain(id);
      const actual = actualMessages(join(DIR, f), text, exp);
      if (UPDATE) {
        writeFileSync(expPath, `${JSON.stringify({ ...exp, messages: actual }, null, 2)}\n`);
        return;
      }
      expect(existsSync(expPath), `missing ${name}.expected.json (run with UPDATE=1, then review it)`).toBe(true);
      expect(actual).toEqual(exp.messages);
    });
  }
});
