import { describe, expect, it } from 'vitest';
import { defineRule, lintParsed, locateInFields, parseFields, readTemplates, sourceRange, type ResolvedConfig } from '../src/index.js';

const wordRule = defineRule({
  id: 'demo-sale',
  description: 'd',
  rationale: 'r',
  severity: 'warning',
  family: 'category',
  tags: [],
  evidence: { level: 'meta', sources: [{ title: 't', url: 'https://example.com' }] },
  recommended: true,
  messages: { sale: 'sale in {field}' },
  check(t, ctx) {
    for (const c of t.components) {
      for (const f of [c.text, ...c.buttons.map((b) => b.text)]) {
        if (!f) continue;
        const i = f.value.indexOf('sale');
        if (i >= 0) ctx.report({ messageId: 'sale', node: f, start: i, end: i + 4, data: { field: c.type }, fix: ctx.fixer.replaceInString(f, i, i + 4, 'news') });
      }
    }
  },
  examples: { valid: [], invalid: [] },
});
const config: ResolvedConfig = { baseDir: '/', files: [], rules: { 'demo-sale': { severity: 'warning', options: undefined } }, business: {}, overrides: [], ignorePatterns: [] };

describe('parseFields', () => {
  it('builds a template from plain fields and maps findings back to each field', () => {
    const doc = parseFields({
      name: 'x',
      category: 'UTILITY',
      language: 'en_US',
      header: 'Winter sale',
      body: 'Hello {{1}}, our sale starts now.',
      footer: 'Thanks',
      buttons: [{ type: 'QUICK_REPLY', text: 'See sale' }],
      bodyExamples: ['Ana'],
    });
    const t = readTemplates(doc.root).templates[0]!;
    expect(t.category).toBe('UTILITY');
    expect(t.body?.text?.value).toBe('Hello {{1}}, our sale starts now.');
    expect(JSON.stringify((t.body?.example as { kind: string }).kind)).toBe('"object"');
    const result = lintParsed(doc, { rules: [wordRule], config });
    const located = result.messages.map((m) => locateInFields(doc, m.range.start, m.range.end));
    expect(located).toEqual([
      { field: 'header', start: 7, end: 11 },
      { field: 'body', start: 17, end: 21 },
      { field: 'buttons.0.text', start: 4, end: 8 },
    ]);
    // Fixes on fields are plain text edits inside the field.
    const fix = result.messages[1]!.fix!;
    expect(locateInFields(doc, fix.range.start, fix.range.end)).toEqual({ field: 'body', start: 17, end: 21 });
    expect(fix.text).toBe('news');
    // A range over several fields, or a zero-width structural position at a field's start, is template-level.
    const body = doc.spans.find((s) => s.field === 'body')!;
    expect(locateInFields(doc, 0, doc.text.length)).toBeUndefined();
    expect(locateInFields(doc, body.start, body.start)).toBeUndefined();
    expect(locateInFields(doc, body.start + 1, body.end + 1)).toBeUndefined();
    expect(sourceRange(t.body!.text!, 0, 5)).toEqual({ start: doc.spans.find((s) => s.field === 'body')!.start, end: doc.spans.find((s) => s.field === 'body')!.start + 5 });
  });
});
