import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_NAME_JSON, GOOD_JSON, greenlight, onlyRules, parseJsonOutput, scratch } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = scratch({
    'errors/greenlight.config.json': onlyRules({ 'name-format': 'error' }),
    'errors/t.json': BAD_NAME_JSON,
    'warnings/greenlight.config.json': onlyRules({ 'name-format': 'warning' }),
    'warnings/t.json': BAD_NAME_JSON,
    'info/greenlight.config.json': onlyRules({ 'name-format': 'info' }),
    'info/t.json': BAD_NAME_JSON,
    'clean/greenlight.config.json': onlyRules({ 'name-format': 'error' }),
    'clean/t.json': GOOD_JSON,
  }));
});
afterAll(() => cleanup());

describe('exit codes', () => {
  it('0 for a clean file', () => {
    expect(greenlight(['lint', 'clean'], { cwd: dir }).code).toBe(0);
  });

  it('1 for errors', () => {
    expect(greenlight(['lint', 'errors'], { cwd: dir }).code).toBe(1);
  });

  it('0 for warnings, 1 above --max-warnings', () => {
    const r = greenlight(['lint', 'warnings'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 problem (0 errors, 1 warning)');
    expect(greenlight(['lint', 'warnings', '--max-warnings', '1'], { cwd: dir }).code).toBe(0);
    const over = greenlight(['lint', 'warnings', '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('--max-warnings');
  });

  it('--quiet reports errors only', () => {
    const r = greenlight(['lint', 'warnings', '--quiet', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(parseJsonOutput(r.stdout)[0]!.messages).toEqual([]);
    const e = greenlight(['lint', 'errors', '--quiet', '-f', 'json'], { cwd: dir });
    expect(parseJsonOutput(e.stdout)[0]!.errorCount).toBe(1);
  });

  it('info findings appear only with --include-info, as severity 0, and never fail the run', () => {
    const without = greenlight(['lint', 'info', '-f', 'json'], { cwd: dir });
    expect(without.code).toBe(0);
    expect(parseJsonOutput(without.stdout)[0]!.messages).toEqual([]);
    const withInfo = greenlight(['lint', 'info', '-f', 'json', '--include-info', '--max-warnings', '0'], { cwd: dir });
    expect(withInfo.code).toBe(0);
    const [res] = parseJsonOutput(withInfo.stdout);
    expect(res!.messages.map((m) => [m.ruleId, m.severity])).toEqual([['name-format', 0]]);
    expect(res!.infoCount).toBe(1);
    const sarif = JSON.parse(greenlight(['lint', 'info', '-f', 'sarif', '--include-info'], { cwd: dir }).stdout);
    expect(sarif.runs[0].results[0].level).toBe('note');
    const stylish = greenlight(['lint', 'info', '--include-info'], { cwd: dir });
    expect(stylish.stdout).toMatch(/ info {2}/);
    expect(stylish.stdout).toContain('(0 errors, 0 warnings, 1 info)');
  });

  it('--rule ID:SEVERITY wins over the config', () => {
    expect(greenlight(['lint', 'errors', '--rule', 'name-format:warning'], { cwd: dir }).code).toBe(0);
    expect(greenlight(['lint', 'warnings', '--rule', 'name-format:error'], { cwd: dir }).code).toBe(1);
    const unknown = greenlight(['lint', 'errors', '--rule', 'name-fromat:error'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('name-fromat');
  });

  it('2 for bad usage, with a message and no stack trace', () => {
    for (const args of [
      ['lint', '--nope'],
      ['lnit', 'x'],
      [],
      ['lint', '--format', 'xml'],
      ['lint', '--max-warnings', 'many'],
      ['lint', '--rule', 'name-format'],
      ['lint', 'does-not-exist.json'],
      ['lint', 'nothing/**/*.json'],
      ['lint', '--config', 'missing.json', 'clean'],
      ['lint', '--stdin-filename', 'x.json'],
    ]) {
      const r = greenlight(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^greenlight: /);
      expect(r.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });

  it('--no-error-on-unmatched-pattern turns a missing match into success', () => {
    expect(greenlight(['lint', 'nothing/**/*.json', '--no-error-on-unmatched-pattern'], { cwd: dir }).code).toBe(0);
  });

  it('--help and --version exit 0', () => {
    const help = greenlight(['--help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: greenlight lint');
    const version = greenlight(['--version'], { cwd: dir });
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
