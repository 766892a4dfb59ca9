import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export * from '../../packages/language-server/test/client.js';

/** A throwaway workspace folder with the given files. */
export function makeWorkspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'greenlight-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

export function template(overrides: Record<string, unknown> = {}, body = 'Hi {{1}}, your order {{2}} has shipped and should reach your address within three working days.'): Record<string, unknown> {
  return {
    name: 'order_shipped',
    language: 'en_US',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: body, example: { body_text: [['Ana', 'A-1042']] } }],
    ...overrides,
  };
}

export const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
