import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { TERM_FILES, TermFileSchema, mergeOverlaps, phrase, termBundle } from '../src/utils/term-lists.js';

const schemaPath = fileURLToPath(new URL('../../../shared-rules/schema/terms.schema.json', import.meta.url));

/** The committed JSON Schema is generated from the zod schema; UPDATE_SCHEMAS=1 rewrites it. */
function generatedSchema(): string {
  const schema = z.toJSONSchema(TermFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return `${JSON.stringify({ $id: 'https://greenlight.dev/schema/terms.schema.json', title: 'Greenlight term list', ...schema }, null, 2)}\n`;
}

describe('shared-rules/terms', () => {
  it('has the languages the category rules promise', () => {
    expect(TERM_FILES.map((f) => f.language).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'hi', 'hi-Latn', 'id', 'it', 'pt', 'ru', 'tr']);
  });

  it('JSON Schema is up to date', () => {
    const want = generatedSchema();
    if (process.env.UPDATE_SCHEMAS) writeFileSync(schemaPath, want);
    expect(readFileSync(schemaPath, 'utf8')).toBe(want);
  });

  it('rejects malformed files', () => {
    const bad = { language: 'xx', name: 'X', lists: { promotional: ['fo*o', ''] }, examples: [{ list: 'nope', text: 'a', matches: [] }] };
    const r = TermFileSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => i.message).join(' | ');
    expect(messages).toMatch(/inside the word/);
    expect(messages).toMatch(/Unknown list "nope"/);
  });

  for (const file of TERM_FILES) {
    describe(file.language, () => {
      it('every list used by the category rules is present', () => {
        for (const l of ['discount', 'coupon', 'buyNow', 'promotional', 'free', 'urgency', 'otp', 'transactional', 'applied', 'optOut', 'optOutButton', 'neutral']) {
          expect(file.lists[l]?.length ?? 0, `${file.language}: ${l}`).toBeGreaterThan(0);
        }
      });
      it('has opt-out texts that fit Meta limits and that the opt-out lists recognise', () => {
        const footer = phrase(file.language, 'optOutFooter');
        const button = phrase(file.language, 'optOutButton');
        expect(footer.language).toBe(file.language);
        expect(footer.text.length).toBeLessThanOrEqual(60);
        expect(button.text.length).toBeLessThanOrEqual(25);
        const bundle = termBundle([file.language]);
        expect(bundle.scan(footer.text).optOut.length, footer.text).toBeGreaterThan(0);
        expect(bundle.scan(button.text).optOut.some((m) => m.list === 'optOutButton'), button.text).toBe(true);
      });
      file.examples.forEach((ex, i) => {
        it(`example ${i + 1} (${ex.list}): ${ex.text}`, () => {
          const r = termBundle([file.language]).scan(ex.text);
          const got = mergeOverlaps(
            [...r.signals, ...r.context, ...r.optOut].filter((m) => m.list === ex.list),
            ex.text,
          ).map((m) => m.text);
          expect(got).toEqual(ex.matches);
        });
      });
    });
  }
});
