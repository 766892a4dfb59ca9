/** Spawns the real `greenlight` binary in scratch directories. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '@greenlight/rules';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'packages/cli/bin/greenlight.mjs');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function greenlight(args: string[], opts: { cwd: string; input?: string; env?: Record<string, string | undefined> }): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, DEBUG: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, input: opts.input ?? '', env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch directory with the given files (paths relative to it). */
export function scratch(files: Record<string, string>): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'greenlight-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A config that turns every built-in rule off except the ones named, so a test's findings do not
 * change as more rules land.
 */
export function onlyRules(rules: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const all: Record<string, unknown> = Object.fromEntries(builtinRules.map((r) => [r.id, 'off']));
  return JSON.stringify({ ...extra, rules: { ...all, ...rules } }, null, 2);
}

/** A well-formed template with a name that `name-format` reports (and fixes to `order_shipped`). */
export const BAD_NAME_JSON = `{
  "name": "Order Shipped",
  "language": "en_US",
  "category": "UTILITY",
  "components": [{ "type": "BODY", "text": "Your order {{1}} has shipped.", "example": { "body_text": [["A-1"]] } }]
}
`;

export const GOOD_JSON = BAD_NAME_JSON.replace('Order Shipped', 'order_shipped');

export const BAD_NAME_YAML = `name: Order Shipped
language: en_US
category: UTILITY
components:
  - type: BODY
    text: Your order {{1}} has shipped.
    example:
      body_text:
        - ["A-1"]
`;

export function parseJsonOutput(stdout: string): Array<{
  filePath: string;
  messages: Array<{
    ruleId: string;
    messageId: string;
    severity: number;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    fix?: { range: [number, number]; text: string };
    suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
    fatal?: boolean;
  }>;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  source?: string;
  output?: string;
}> {
  return JSON.parse(stdout);
}
