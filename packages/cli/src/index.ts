/** Programmatic access to the CLI's pieces, for tools that want the same output without spawning it. */
export { run, version, EXIT, type CliIo } from './cli.js';
export { parseCliArgs, HELP, FORMATS, UsageError, type CliOptions, type FormatName } from './args.js';
export { findFiles, type Candidate } from './files.js';
export { lintText } from './lint-files.js';
export { ConfigLoader, describeConfig, isIgnored } from './config.js';
export { formatStylish } from './formatters/stylish.js';
export { formatJson } from './formatters/json.js';
export { formatSarif, ruleDescriptor, type SarifLog } from './formatters/sarif.js';
export { fileResult, toCliMessage, type CliMessage, type FileResult, type LintedFile } from './results.js';
