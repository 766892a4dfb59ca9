// Bundles the extension, the language server and the preview webview script into dist/, and puts the
// config JSON Schema next to them for `contributes.jsonValidation`.
//   node esbuild.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = join(here, 'dist');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const quiet = process.argv.includes('--quiet');
const serverEntry = join(root, 'packages/language-server/src/main.ts');

if (!existsSync(serverEntry)) {
  console.error(`Language server entry not found: ${serverEntry}`);
  process.exit(1);
}
mkdirSync(dist, { recursive: true });

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: quiet ? 'warning' : 'info',
  // jsonc-parser's UMD `main` loads './impl/format' dynamically, which a bundle cannot follow; its ESM build is static.
  mainFields: ['module', 'main'],
  // Rule data (term lists) is imported as JSON and inlined.
  loader: { '.json': 'json' },
};

const builds = [
  { ...node, entryPoints: [join(here, 'src/extension.ts')], outfile: join(dist, 'extension.js'), external: ['vscode'] },
  { ...node, entryPoints: [serverEntry], outfile: join(dist, 'server.js') },
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    logLevel: quiet ? 'warning' : 'info',
    entryPoints: [join(here, 'src/preview/webview.ts')],
    outfile: join(dist, 'preview.js'),
  },
];

/** The generated config schema (`pnpm gen`), or one made from core's zod schema when it is not there yet. */
async function configSchema() {
  const out = join(dist, 'greenlight.config.schema.json');
  const generated = join(root, 'shared-rules/schema/greenlight.config.schema.json');
  if (existsSync(generated)) {
    copyFileSync(generated, out);
    return;
  }
  const tmp = join(dist, '.config-schema.cjs');
  await esbuild.build({
    stdin: {
      contents: `import { ConfigSchema, z } from '@greenlight/core';
        export const schema = z.toJSONSchema(ConfigSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });`,
      resolveDir: here,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: tmp,
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  });
  try {
    const { schema } = createRequire(import.meta.url)(tmp);
    writeFileSync(out, `${JSON.stringify({ title: 'Greenlight configuration', ...schema }, null, 2)}\n`);
  } finally {
    rmSync(tmp, { force: true });
  }
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  await configSchema();
} else {
  const t0 = Date.now();
  await Promise.all([...builds.map((b) => esbuild.build(b)), configSchema()]);
  console.log(`built dist/ in ${Date.now() - t0} ms`);
}
