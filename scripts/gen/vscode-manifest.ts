/**
 * The generated parts of extensions/vscode/package.json: `contributes.configuration` (from the language
 * server's settings and the rule ids) and `contributes.jsonValidation` (config file -> JSON Schema).
 * Everything else in the manifest is hand-written and kept as it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type GreenlightSettings } from '../../packages/language-server/src/protocol.js';
import { builtinRules } from '../../packages/rules/src/index.generated.js';
import type { Generator } from './types.js';

const MANIFEST = 'extensions/vscode/package.json';
const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

type Prop = Record<string, unknown>;

/**
 * One entry per server setting. Typed as a complete record, so a setting added to the server without
 * a manifest entry fails the type check, and the check below catches entries the server dropped.
 */
const SETTINGS: { [K in keyof GreenlightSettings]: { key: string; schema: (defaults: GreenlightSettings) => Prop } } = {
  enable: {
    key: 'greenlight.enable',
    schema: (d) => ({ type: 'boolean', default: d.enable, scope: 'resource', markdownDescription: 'Lint WhatsApp templates in this workspace.' }),
  },
  fileGlobs: {
    key: 'greenlight.fileGlobs',
    schema: (d) => ({
      type: 'array',
      items: { type: 'string' },
      default: d.fileGlobs,
      scope: 'resource',
      markdownDescription:
        'Globs (relative to the workspace folder) of JSON and YAML files that hold templates. Other JSON and YAML files are linted only when their content looks like a template (a `components` list with a `name` or `category`).',
    }),
  },
  configPath: {
    key: 'greenlight.configPath',
    schema: (d) => ({
      type: ['string', 'null'],
      default: d.configPath,
      scope: 'resource',
      markdownDescription:
        'A `greenlight.config.json` to use instead of the nearest one above each file. Absolute, or relative to the first workspace folder.',
    }),
  },
  severityOverrides: {
    key: 'greenlight.severityOverrides',
    schema: (d) => {
      const ids = [...builtinRules].map((r) => r.id).sort();
      const severity = { type: 'string', enum: SEVERITIES };
      return {
        type: 'object',
        default: d.severityOverrides,
        scope: 'resource',
        properties: Object.fromEntries(ids.map((id) => [id, { ...severity, markdownDescription: builtinRules.find((r) => r.id === id)!.description }])),
        additionalProperties: severity,
        markdownDescription:
          'Severity shown in the editor per rule id, on top of the config file (`off` hides the rule). Only changes how findings look here; the CLI and CI still follow `greenlight.config.json`.',
      };
    },
  },
  trace: {
    key: 'greenlight.trace.server',
    schema: (d) => ({
      type: 'string',
      enum: ['off', 'messages', 'verbose'],
      default: d.trace,
      scope: 'window',
      markdownDescription: 'Traces the communication between VS Code and the Greenlight language server in the Greenlight output channel.',
    }),
  },
  debounceMs: {
    key: 'greenlight.debounceMs',
    schema: (d) => ({
      type: 'number',
      default: d.debounceMs,
      minimum: 0,
      maximum: 5000,
      scope: 'resource',
      markdownDescription: 'Quiet time after the last edit before a document is linted, in milliseconds (0 lints on every change).',
    }),
  },
};

export const vscodeManifestGenerator: Generator = {
  name: 'vscode-manifest',
  async outputs(root) {
    const missing = Object.keys(SETTINGS).filter((k) => !(k in DEFAULT_SETTINGS));
    if (missing.length) throw new Error(`vscode-manifest: settings the server no longer has: ${missing.join(', ')}`);
    const manifest = JSON.parse(readFileSync(join(root, MANIFEST), 'utf8')) as { contributes?: Record<string, unknown> };
    const properties = Object.fromEntries(Object.values(SETTINGS).map((s) => [s.key, s.schema(DEFAULT_SETTINGS)]));
    manifest.contributes = {
      ...manifest.contributes,
      configuration: { title: 'Greenlight', properties },
      // The schema is copied next to the bundle at build time (extensions/vscode/esbuild.mjs).
      jsonValidation: [{ fileMatch: ['greenlight.config.json', '**/greenlight.config.json'], url: './dist/greenlight.config.schema.json' }],
    };
    return [{ path: MANIFEST, content: `${JSON.stringify(manifest, null, 2)}\n` }];
  },
};
