import { defineRule, z } from '@greenlight/core';
import { SOURCES, cite } from '../utils/sources.js';

const S1 = cite(SOURCES.S1, 'name field');

/** Lowercase, spaces and hyphens to underscores, everything else dropped: what WhatsApp Manager does to typed names. */
export function toTemplateName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .slice(0, 512);
}

export default defineRule({
  id: 'name-format',
  description: 'Template names use only lowercase letters, digits and underscores, up to 512 characters.',
  rationale:
    'The Graph API refuses a template whose name has capitals, spaces, hyphens or other symbols, or is longer than 512 characters. WhatsApp Manager silently rewrites such names, so the name you refer to in code no longer matches.',
  severity: 'error',
  family: 'limits',
  tags: ['name'],
  evidence: { level: 'meta', sources: [S1, cite(SOURCES.B30, 'template name schema')] },
  fixable: 'fix',
  recommended: true,
  messages: {
    empty: 'The template name is empty.',
    charset: 'Template name "{name}" may only contain a-z, 0-9 and "_"; use "{fixed}".',
    tooLong: 'The template name is {length} characters long; the limit is {max}.',
  },
  options: z.object({ maxLength: z.number().int().positive().max(512).default(512).describe('Longest name allowed.') }).strict(),
  check(t, ctx) {
    const name = t.name;
    if (!name) return;
    if (name.value.length === 0) {
      ctx.report({ messageId: 'empty', node: name });
      return;
    }
    if (!/^[a-z0-9_]+$/.test(name.value)) {
      const fixed = toTemplateName(name.value);
      ctx.report({ messageId: 'charset', node: name, data: { name: name.value, fixed }, fix: fixed ? ctx.fixer.replaceValue(name, fixed) : null });
    }
    if (name.value.length > ctx.options.maxLength) {
      ctx.report({ messageId: 'tooLong', node: name, data: { length: name.value.length, max: ctx.options.maxLength } });
    }
  },
  examples: {
    valid: [{ template: { name: 'order_shipped_v2' } }],
    invalid: [
      { title: 'Capitals and spaces', template: { name: 'Order Shipped' }, errors: ['charset'], spans: ["\"Order Shipped\""], output: { name: 'order_shipped' } },
      { title: 'Accents are folded', template: { name: 'promoção-verão' }, errors: ['charset'], spans: ["\"promoção-verão\""], output: { name: 'promocao_verao' } },
      { title: 'A team limit', template: { name: 'a_very_long_template_name' }, options: { maxLength: 10 }, errors: ['tooLong'], spans: ["\"a_very_long_template_name\""] },
    ],
  },
});
