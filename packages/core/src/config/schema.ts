import { z } from 'zod';

export const SeveritySetting = z.enum(['off', 'info', 'warning', 'error']).describe('off, info, warning or error.');
export type SeveritySetting = z.infer<typeof SeveritySetting>;

/** `"warning"`, `["warning", { ...options }]` (ESLint style) or `{ "severity": ..., "options": ... }`. */
export const RuleSetting = z.union([
  SeveritySetting,
  z.tuple([SeveritySetting]).rest(z.record(z.string(), z.unknown())),
  z.object({ severity: SeveritySetting.optional(), options: z.record(z.string(), z.unknown()).optional() }).strict(),
]);
export type RuleSetting = z.infer<typeof RuleSetting>;

const TermList = z.array(z.string().min(1).max(200)).describe('Words or phrases. A trailing * matches any word ending (inflections).');

export const BusinessSettingsSchema = z
  .object({
    allowedDomains: z
      .array(z.string().min(1))
      .default([])
      .describe('Website domains the team owns. When set, links elsewhere are reported. "example.com" also allows its subdomains.'),
    shortenerDomains: z.array(z.string().min(1)).default([]).describe('More URL shortener hosts to report, besides the built-in list.'),
    brandedShortDomains: z.array(z.string().min(1)).default([]).describe('The team\'s own short-link domains, never reported as shorteners.'),
    defaultLocale: z.string().optional().describe('Language code assumed when a template has none, e.g. "pt_BR".'),
    terms: z
      .record(z.string(), z.record(z.string(), TermList))
      .default({})
      .describe('Extra term lists by list name and language, e.g. { "promotional": { "en": ["mega deal"] }, "allow": { "en": ["free shipping"] } }.'),
  })
  .strict();
export type BusinessSettings = z.output<typeof BusinessSettingsSchema>;

export const RulesMap = z.record(z.string(), RuleSetting).describe('Rule id to severity, or to [severity, options].');

export const OverrideSchema = z
  .object({
    files: z.array(z.string()).optional().describe('Globs on file paths, relative to the config file.'),
    templates: z.array(z.string()).optional().describe('Globs on template names, e.g. "otp_*".'),
    categories: z.array(z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION'])).optional().describe('Declared categories this override applies to.'),
    rules: RulesMap.optional(),
    business: BusinessSettingsSchema.partial().optional(),
  })
  .strict();

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    extends: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .describe('Presets ("greenlight:recommended", "greenlight:strict") or relative paths to other config files.'),
    rules: RulesMap.optional(),
    overrides: z.array(OverrideSchema).optional().describe('Settings for some files, template names or categories.'),
    business: BusinessSettingsSchema.partial().optional().describe('What Greenlight should know about the business.'),
    ignorePatterns: z.array(z.string()).optional().describe('Globs of files the CLI and editor skip.'),
  })
  .strict();
export type Config = z.input<typeof ConfigSchema>;
export type ParsedConfig = z.output<typeof ConfigSchema>;
export const defineConfig = (c: Config): Config => c;
