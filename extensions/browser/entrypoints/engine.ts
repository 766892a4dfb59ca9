/**
 * The engine chunk: core, rules and their data. An unlisted script (built to /engine.js) that the
 * content script loads lazily (src/engine/load.ts); it only registers the lint function.
 */
import type { ResolvedConfig } from '@greenlight/core';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { presetConfig } from '../src/config/defaults';
import { ENGINE_API, registerEngine, registeredEngine } from '../src/engine/api';
import { lintTemplateFields } from '../src/lint/run';

export default defineUnlistedScript(() => {
  // Injected twice (import, then executeScript after a context-menu click): keep the first.
  if (registeredEngine()) return;
  let preset: ResolvedConfig | undefined;
  registerEngine({
    api: ENGINE_API,
    lint: (fields, config) => lintTemplateFields(fields, config ?? (preset ??= presetConfig())),
  });
});
