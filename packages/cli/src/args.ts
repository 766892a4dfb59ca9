/** Command-line parsing. Bad usage is a `UsageError`, which the CLI reports with exit code 2. */
import { parseArgs } from 'node:util';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type FormatName = (typeof FORMATS)[number];

export class UsageError extends Error {}

export interface RuleFlag {
  id: string;
  severity: 'off' | 'info' | 'warning' | 'error';
}

export interface CliOptions {
  command: 'lint' | 'help' | 'version' | 'print-config';
  patterns: string[];
  stdin: boolean;
  stdinFilename: string | undefined;
  format: FormatName;
  fix: boolean;
  config: string | undefined;
  printConfig: string | undefined;
  /** -1: no limit. */
  maxWarnings: number;
  quiet: boolean;
  includeInfo: boolean;
  rules: RuleFlag[];
  color: boolean | undefined;
  outputFile: string | undefined;
  errorOnUnmatchedPattern: boolean;
}

export const HELP = `Usage: greenlight lint [options] [file|dir|glob ...]

Lints WhatsApp Business message templates (Graph API JSON or YAML). Directories are searched
for *.json, *.yaml and *.yml files that hold templates; with no path, the current directory.

Options:
  -f, --format NAME            stylish (default), json or sarif
      --fix                    Apply safe fixes and write the files
      --stdin                  Lint text from standard input
      --stdin-filename PATH    Name for stdin text: picks the format, the config and overrides.
                               With --fix, the fixed text goes to stdout and findings to stderr
  -c, --config PATH            Use this config file instead of looking for greenlight.config.json
      --print-config FILE      Print the configuration that applies to FILE as JSON
      --rule ID:SEVERITY       Set a rule's severity (off, info, warning, error); repeatable
      --max-warnings N         Exit with 1 when there are more than N warnings
      --quiet                  Report errors only
      --include-info           Also report info findings
  -o, --output-file PATH       Write the report to a file instead of stdout
      --color, --no-color      Force colours on or off (default: on for a terminal, off with NO_COLOR)
      --no-error-on-unmatched-pattern
                               Do not fail when a path or glob matches no template file
  -h, --help                   Show this help
  -v, --version                Print the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 bad usage, an invalid config or an internal error.
`;

const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'print-config': { type: 'string' },
        rule: { type: 'string', multiple: true },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        'include-info': { type: 'boolean' },
        'output-file': { type: 'string', short: 'o' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'no-error-on-unmatched-pattern': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    // Node's messages name the flag precisely; drop its error-code prefix.
    throw new UsageError((e as Error).message.replace(/^TypeError \[\w+\]: /, ''));
  }
  const v = parsed.values;
  const positionals = [...parsed.positionals];

  let command: CliOptions['command'] = 'lint';
  if (v.help) command = 'help';
  else if (v.version) command = 'version';
  else if (v['print-config'] !== undefined) command = 'print-config';
  if (positionals[0] === 'lint') positionals.shift();
  else if (command === 'lint') {
    if (positionals.length === 0) throw new UsageError('Missing command. Did you mean `greenlight lint`?');
    throw new UsageError(`Unknown command "${positionals[0]}". The command is \`greenlight lint [files]\`.`);
  }

  const format = (v.format ?? 'stylish') as FormatName;
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format "${v.format}". Use one of: ${FORMATS.join(', ')}.`);

  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    if (!/^-?\d{1,9}$/.test(v['max-warnings']) || Number(v['max-warnings']) < -1) {
      throw new UsageError(`--max-warnings needs a whole number of 0 or more (or -1 for no limit), not "${v['max-warnings']}".`);
    }
    maxWarnings = Number(v['max-warnings']);
  }

  const rules: RuleFlag[] = (v.rule ?? []).map((r) => {
    const i = r.lastIndexOf(':');
    const id = r.slice(0, i).trim();
    const severity = r.slice(i + 1).trim();
    if (i <= 0 || !(SEVERITIES as readonly string[]).includes(severity)) {
      throw new UsageError(`--rule expects ID:SEVERITY with SEVERITY one of ${SEVERITIES.join(', ')}, not "${r}".`);
    }
    return { id, severity: severity as RuleFlag['severity'] };
  });

  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename only applies with --stdin.');
  if (v.stdin && positionals.length > 0) throw new UsageError('--stdin lints standard input; do not also name files.');
  if (v.color && v['no-color']) throw new UsageError('--color and --no-color contradict each other.');

  return {
    command,
    patterns: positionals,
    stdin: v.stdin ?? false,
    stdinFilename: v['stdin-filename'],
    format,
    fix: v.fix ?? false,
    config: v.config,
    printConfig: v['print-config'],
    maxWarnings,
    quiet: v.quiet ?? false,
    includeInfo: v['include-info'] ?? false,
    rules,
    color: v.color ? true : v['no-color'] ? false : undefined,
    outputFile: v['output-file'],
    errorOnUnmatchedPattern: !v['no-error-on-unmatched-pattern'],
  };
}
