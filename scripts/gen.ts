/**
 * Writes every generated file from rule metadata (`pnpm gen`), or with `--check` fails when one is
 * stale (CI runs this). Each generator lives in scripts/gen/ and only returns file contents.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesIndex } from './gen/rules-index.js';
import type { Generator } from './gen/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

// The rules index goes first: later generators import the rules through it.
const generators: Generator[] = [rulesIndex];
const later = ['./gen/presets.js', './gen/docs.js', './gen/schemas.js', './gen/vscode-manifest.js'];

async function run() {
  const stale: string[] = [];
  const handle = async (g: Generator) => {
    for (const f of await g.outputs(root)) {
      const path = join(root, f.path);
      const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      if (current === f.content) continue;
      if (check) stale.push(f.path);
      else {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, f.content);
        console.log(`wrote ${f.path}`);
      }
    }
  };
  for (const g of generators) await handle(g);
  for (const mod of later) {
    if (!existsSync(join(root, 'scripts', mod.replace(/\.js$/, '.ts')))) continue;
    const loaded = (await import(mod)) as Record<string, Generator>;
    for (const g of Object.values(loaded)) await handle(g);
  }
  if (stale.length) {
    console.error(`Generated files are stale; run \`pnpm gen\` and commit:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(check ? 'generated files are up to date' : 'generation done');
}

void run();
