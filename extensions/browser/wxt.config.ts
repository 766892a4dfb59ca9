import path from 'node:path';
import { defineConfig } from 'wxt';
import { builtinMatches } from './src/sites';

const shim = (f: string) => path.resolve(import.meta.dirname, 'src/shims', f);

/**
 * The content script gets the engine without the libraries it never needs on the page: zod (the
 * config is validated in the options page/background; a defaults-only stand-in remains), and the
 * YAML/JSON text parsers (the page passes plain field texts).
 */
function leanContentScript() {
  let content = false;
  return {
    name: 'greenlight:lean-content-script',
    enforce: 'pre' as const,
    options(o: { input?: unknown }) {
      content = JSON.stringify(o.input ?? '').includes('entrypoints/content');
    },
    resolveId(id: string) {
      if (!content) return null;
      if (id === 'zod') return shim('zod-lite.ts');
      if (id === 'yaml' || id === 'jsonc-parser') return shim('unavailable.ts');
      return null;
    },
  };
}

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
