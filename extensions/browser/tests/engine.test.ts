import { BusinessSettingsSchema, parseFields } from '@greenlight/core';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as realZod from 'zod';
import { builtinRules } from '@greenlight/rules';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../src/config/defaults';
import { locateInFields } from '@greenlight/core';
import { lintTemplateFields } from '../src/lint/run';
import { z as lite } from '../src/shims/zod-lite';

describe('lint on field texts', () => {
  it('maps each finding back into its field', () => {
    const out = lintTemplateFields({ name: 'Order Update', category: 'UTILITY', language: 'en_US', body: 'Track it at https://bit.ly/abc today.' }, presetConfig());
    const name = out.findings.find((f) => f.ruleId === 'name-format');
    expect(name?.at).toEqual({ field: 'name', start: 0, end: 12 });
    expect(name?.fix).toEqual({ field: 'name', start: 0, end: 12, text: 'order_update' });
    expect(name?.docsUrl).toMatch(/name-format\.md$/);
    for (const f of out.findings) {
      if (!f.at) continue;
      expect(f.at.start).toBeGreaterThanOrEqual(0);
      expect(f.at.end).toBeGreaterThanOrEqual(f.at.start);
    }
  });

  it('reports an empty header only when the fields include one', () => {
    const base = { name: 'order_update', category: 'UTILITY', language: 'en_US', body: 'Your order has shipped.' };
    const empty = (fields: Parameters<typeof lintTemplateFields>[0]) => lintTemplateFields(fields, presetConfig()).findings.filter((f) => f.ruleId === 'structure-header-format');
    expect(empty(base)).toEqual([]);
    expect(empty({ ...base, header: '' }).length).toBeGreaterThan(0);
  });

  it('ranges outside one field are template-level', () => {
    const doc = parseFields({ name: 'abc', body: 'hello' });
    const bodyStart = doc.spans.find((s) => s.field === 'body')!.start;
    expect(locateInFields(doc, bodyStart + 1, bodyStart + 3)).toEqual({ field: 'body', start: 1, end: 3 });
    expect(locateInFields(doc, 0, doc.text.length)).toBeUndefined();
  });

  it('maps every finding of a 1,024-character body back into its field', () => {
    // Speed per keystroke is measured by `pnpm --filter greenlight-browser bench`, not asserted here.
    // Starts with a variable, so every edit has at least one body finding (variable-at-edge).
    const body = `{{1}} ${'your order {{2}} has shipped, thanks. '.repeat(26)}`.slice(0, 1024);
    const fields = { name: 'order_update', category: 'UTILITY', language: 'en_US', body, bodyExamples: ['Ana', '123'] };
    for (let i = 0; i < 20; i++) {
      const edited = body.slice(0, 1000 + i);
      const inBody = lintTemplateFields({ ...fields, body: edited }, presetConfig()).findings.filter((x) => x.at?.field === 'body');
      expect(inBody.length).toBeGreaterThan(0);
      for (const f of inBody) expect(f.at!.end).toBeLessThanOrEqual(edited.length);
    }
  });
});

describe('content-script zod stand-in', () => {
  // The page gets rules' option defaults from zod-lite (wxt.config.ts aliases zod there). Bundle the
  // rules the same way and check that every rule's defaults equal real zod's.
  it('gives every rule and the business settings the same defaults as zod', async () => {
    const req = createRequire(path.join(fs.realpathSync(path.resolve(import.meta.dirname, '../node_modules/wxt')), 'package.json'));
    const esbuild = req('esbuild') as { build(options: Record<string, unknown>): Promise<unknown> };
    const dir = path.resolve(import.meta.dirname, '../.output/test-zod-lite');
    fs.mkdirSync(dir, { recursive: true });
    const entry = path.join(dir, 'entry.ts');
    fs.writeFileSync(entry, `export { builtinRules } from '@greenlight/rules';\nexport { BusinessSettingsSchema } from '@greenlight/core';\n`);
    const out = path.join(dir, 'bundle.mjs');
    await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      outfile: out,
      absWorkingDir: path.resolve(import.meta.dirname, '..'),
      nodePaths: [path.resolve(import.meta.dirname, '../node_modules')],
      alias: { zod: path.resolve(import.meta.dirname, '../src/shims/zod-lite.ts'), yaml: path.resolve(import.meta.dirname, '../src/shims/unavailable.ts'), 'jsonc-parser': path.resolve(import.meta.dirname, '../src/shims/unavailable.ts') },
      logLevel: 'error',
    });
    const lite = (await import(/* @vite-ignore */ out)) as { builtinRules: typeof builtinRules; BusinessSettingsSchema: { parse(v: unknown): unknown } };
    const withOptions = builtinRules.filter((r) => r.options);
    expect(withOptions.length).toBeGreaterThan(0);
    expect(lite.builtinRules.map((r) => r.id)).toEqual(builtinRules.map((r) => r.id));
    for (const r of withOptions) {
      const liteRule = lite.builtinRules.find((x) => x.id === r.id)!;
      expect((liteRule.options as unknown as { parse(v: unknown): unknown }).parse({}), r.id).toEqual((r.options as realZod.ZodType).parse({}));
    }
    expect(lite.BusinessSettingsSchema.parse({})).toEqual(BusinessSettingsSchema.parse({}));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60000);

  it('fills defaults like zod 4 (default is not parsed, prefault is)', () => {
    const L = lite as unknown as typeof realZod.z;
    const s = L.object({ a: L.number().int().default(3), b: L.array(L.string()).default([]), c: L.object({ d: L.boolean().default(true) }).default({} as never), e: L.object({ f: L.string().default('x') }).prefault({}) }).strict();
    const real = realZod.z.object({ a: realZod.z.number().int().default(3), b: realZod.z.array(realZod.z.string()).default([]), c: realZod.z.object({ d: realZod.z.boolean().default(true) }).default({} as never), e: realZod.z.object({ f: realZod.z.string().default('x') }).prefault({}) }).strict();
    expect(s.parse({})).toEqual(real.parse({}));
    expect(s.safeParse({ a: 5 }).data).toEqual(real.parse({ a: 5 }));
  });
});
