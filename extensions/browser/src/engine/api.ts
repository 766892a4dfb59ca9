/**
 * The contract between the content script and the engine chunk. The engine (core, rules and their
 * data: most of the code) is an unlisted script, loaded the first time an editor is found, so the
 * content script that runs on every editor page load stays small.
 */
import type { ResolvedConfig, TemplateFields } from '@greenlight/core';
import type { LintOutcome } from '../lint/types';

/** The engine chunk inside the package (entrypoints/engine.ts). */
export const ENGINE_PATH = '/engine.js';

/** Bumped when `Engine` changes shape, so a copy left by an older build is never used. */
export const ENGINE_API = 1;

export interface Engine {
  api: typeof ENGINE_API;
  /** Lints one template's field texts; without a config, the recommended preset applies. */
  lint(fields: TemplateFields, config: ResolvedConfig | undefined): LintOutcome;
}

/**
 * The engine registers itself on the global object of the world it runs in: the content script's
 * isolated world, whether it came through `import()` or `scripting.executeScript`. The page's own
 * scripts never see it.
 */
const KEY = '__greenlightEngine';

export function registeredEngine(): Engine | undefined {
  const e = (globalThis as { [KEY]?: Engine })[KEY];
  return e && e.api === ENGINE_API && typeof e.lint === 'function' ? e : undefined;
}

export function registerEngine(engine: Engine): void {
  (globalThis as { [KEY]?: Engine })[KEY] = engine;
}
