import path from 'node:path';
import { defineConfig } from 'wxt';
import { builtinMatches } from './src/sites';

const shim = (f: string) => path.resolve(import.meta.dirname, 'src/shims', f);

/**
 * The scripts that run on the editor page (the content script and the engine chunk it loads) get
 * the engine without the libraries they never need there: zod (the config is validated in the
 * options page/background; a defaults-only stand-in remains), and the YAML/JSON text parsers (the
 * page passes plain field texts).
 */
function leanContentScript() {
  let content = false;
  return {
    name: 'greenlight:lean-content-script',
    enforce: 'pre' as const,
    options(o: { input?: unknown }) {
      const input = JSON.stringify(o.input ?? '');
      content = input.includes('entrypoints/content') || input.includes('entrypoints/engine');
    },
    resolveId(id: string) {
      if (!content) return null;
      if (id === 'zod') return shim('zod-lite.ts');
      if (id === 'yaml' || id === 'jsonc-parser') return shim('unavailable.ts');
      return null;
    },
  };
}

/**
 * Pages allowed to `import()` the engine chunk: the built-in editor sites. Browsers match
 * web-accessible resources by origin only (the path must be `/*`).
 */
const engineOrigins = [...new Set(builtinMatches.map((p) => `${p.slice(0, p.indexOf('/', p.indexOf('://') + 3))}/*`))];

export default defineConfig({
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    // Only the editor URLs (src/sites); the background injects the overlay when the SPA navigates there.
    host_permissions: builtinMatches,
    // Requested one origin at a time: the config sync URL or a team-added editor site.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    // The engine chunk, loaded by the content script on first use (src/engine/load.ts).
    web_accessible_resources: [{ resources: ['engine.js'], matches: engineOrigins }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'greenlight@greenlight-lint.dev', strict_min_version: '128.0' } } }
      : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [leanContentScript()],
    // GL_SOURCEMAP=1 for size analysis of the bundles.
    build: { sourcemap: process.env.GL_SOURCEMAP === "1" },
  }),
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip', sourcesTemplate: '{{name}}-{{version}}-sources.zip' },
});
