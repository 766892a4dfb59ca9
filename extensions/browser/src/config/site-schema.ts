import { z } from 'zod';
import type { SiteDefinition } from '../sites/types';

const Words = z.array(z.string().min(1).max(80)).max(200);
const kinds = ['name', 'category', 'language', 'header', 'body', 'footer', 'buttonText', 'buttonUrl', 'buttonPhone', 'offerCode', 'sample'] as const;
// Match patterns: scheme://host/path, as browsers accept them.
const MatchPatternString = z.string().regex(/^(https?|\*):\/\/(\*|\*\.[^/*]{1,253}|[^/*]{1,253})\/[^\s]{0,2000}$/, 'Expected a match pattern like https://example.com/editor/*');

export const SiteDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/),
    title: z.string().min(1).max(100),
    matches: z.array(MatchPatternString).min(1).max(20),
    labels: z.partialRecord(z.enum(kinds), Words).default({}),
    categories: z.partialRecord(z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']), Words).default({}),
    buttonTypes: z.partialRecord(z.enum(['URL', 'PHONE_NUMBER', 'QUICK_REPLY', 'COPY_CODE']), Words).optional(),
    headerTypes: z.partialRecord(z.enum(['NONE', 'TEXT', 'MEDIA']), Words).optional(),
    previews: Words.optional(),
    ignore: Words.optional(),
    selectors: z.partialRecord(z.enum(kinds), z.array(z.string().min(1).max(300)).max(20)).optional(),
  })
  .strict();

export const SiteListSchema = z.array(SiteDefinitionSchema).max(20);

export function parseCustomSites(text: string): { sites: SiteDefinition[]; errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { sites: [], errors: [(e as Error).message] };
  }
  const r = SiteListSchema.safeParse(raw);
  if (!r.success) return { sites: [], errors: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  return { sites: r.data as SiteDefinition[], errors: [] };
}
